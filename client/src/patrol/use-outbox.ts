// The phone's outbox, wired to the server's REST API and to the signs that the network is back
// (the browser's online event, the socket reconnecting), with its items as reactive state.
import { onBeforeUnmount, ref, shallowRef } from 'vue';
import { caseApi } from '../api/case-api.ts';
import { usePatrolTasksStore } from '../stores/patrol-tasks.ts';
import { IndexedDbOutboxStorage } from './outbox-idb.ts';
import { MemoryOutboxStorage, Outbox, type OutboxItem } from './outbox.ts';

export function useOutbox(username: string) {
  const tasks = usePatrolTasksStore();
  const durable = IndexedDbOutboxStorage.available();
  const items = shallowRef<readonly OutboxItem[]>([]);
  const retryAt = ref<number | null>(null);

  const outbox = new Outbox({
    storage: durable ? new IndexedDbOutboxStorage(username) : new MemoryOutboxStorage(),
    username,
    isOnline: () => navigator.onLine !== false,
    transport: {
      transition: (id, command) => caseApi.transition(id, command),
      create: (body) => caseApi.create(body),
      uploadPhoto: (id, stage, photo) => caseApi.uploadPhoto(id, stage, photo, `${stage}.jpg`),
      getCase: (id) => caseApi.get(id),
    },
    onSent: (item, result) => {
      if (item.job.kind !== 'create') tasks.upsert(result);
    },
  });
  const unsubscribe = outbox.subscribe((list) => {
    items.value = list;
    retryAt.value = outbox.retryAt;
  });

  const kick = () => void outbox.kick();
  window.addEventListener('online', kick);
  void outbox.ready().then(kick);

  onBeforeUnmount(() => {
    window.removeEventListener('online', kick);
    unsubscribe();
    outbox.stop();
  });

  return { outbox, items, retryAt, durable, kick };
}
