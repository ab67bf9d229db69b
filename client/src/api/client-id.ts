// Ids the client chooses for a command or a new case (commandId, clientRef), so that sending the
// same thing twice is applied once by the server.
export function newClientId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 14)}`;
}
