// One shared clock for the wall's panels, ticking once a second.
import { onBeforeUnmount, ref } from 'vue';

export function useNow(periodMs = 1000) {
  const now = ref(Date.now());
  const timer = setInterval(() => (now.value = Date.now()), periodMs);
  onBeforeUnmount(() => clearInterval(timer));
  return now;
}
