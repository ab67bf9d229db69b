// The wall's live link for as long as the view is mounted.
import { onBeforeUnmount, onMounted } from 'vue';
import { startRealtime, type Realtime } from '../realtime/socket.ts';
import { useSessionStore } from '../stores/session.ts';

export function useWallRealtime(): void {
  const session = useSessionStore();
  let realtime: Realtime | null = null;
  onMounted(() => {
    session.setLink('connecting');
    realtime = startRealtime({ token: session.token });
  });
  onBeforeUnmount(() => realtime?.stop());
}
