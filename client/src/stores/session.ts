// Who is looking at the screen, and whether the realtime link to the server is up.
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { SessionUser } from '@cw/shared/schemas/auth';
import { api } from '../api/rest.ts';
import { HttpError, setBearerToken } from '../api/http.ts';

const TOKEN_KEY = 'cw.token';

export type LinkState = 'connecting' | 'live' | 'lost';

export const useSessionStore = defineStore('session', () => {
  const token = ref<string | null>(globalThis.sessionStorage?.getItem(TOKEN_KEY) ?? null);
  const user = ref<SessionUser | null>(null);
  const link = ref<LinkState>('connecting');
  setBearerToken(token.value);

  const signedIn = computed(() => user.value !== null);

  function useToken(next: string | null): void {
    token.value = next;
    setBearerToken(next);
    if (next) sessionStorage.setItem(TOKEN_KEY, next);
    else sessionStorage.removeItem(TOKEN_KEY);
  }

  /** A kiosk link `/wall?display=<token>` carries a long-lived display token; keep it for this tab. */
  function acceptDisplayToken(displayToken: string): void {
    useToken(displayToken);
    user.value = null;
  }

  async function login(username: string, password: string): Promise<SessionUser> {
    const reply = await api.login(username, password);
    useToken(reply.token);
    user.value = reply.user;
    return reply.user;
  }

  /** Asks the server who the token or cookie belongs to; null when neither is valid. */
  async function restore(): Promise<SessionUser | null> {
    try {
      user.value = await api.me();
    } catch (err) {
      if (!(err instanceof HttpError && (err.status === 401 || err.status === 403))) throw err;
      user.value = null;
      useToken(null);
    }
    return user.value;
  }

  async function logout(): Promise<void> {
    await api.logout().catch(() => undefined);
    user.value = null;
    useToken(null);
  }

  function setLink(state: LinkState): void {
    link.value = state;
  }

  return { token, user, link, signedIn, acceptDisplayToken, login, restore, logout, setLink };
});
