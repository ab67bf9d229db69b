// The admin page's state: the import in hand (upload progress, then the job's phases and its
// report), and the version history of the chosen layer.
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { ImportJobView, LayerHistory, LayerNameValue } from '@cw/shared/schemas/imports';
import { HttpError } from '../api/http.ts';
import { adminApi, uploadLayerFile, type UploadQuery } from './admin-api.ts';

const POLL_MS = 400;
/** Upload is the first fifth of the bar; the server's reading and checking the rest. */
const UPLOAD_SHARE = 0.2;

export const useImportsStore = defineStore('imports', () => {
  const job = shallowRef<ImportJobView | null>(null);
  const progress = ref(0);
  const phase = ref('');
  const busy = ref(false);
  const error = ref<string | null>(null);
  const history = shallowRef<LayerHistory | null>(null);

  const describe = (err: unknown) => (err instanceof HttpError ? `${err.status || ''} ${err.detail || err.message}`.trim() : String(err));

  async function poll(id: string): Promise<void> {
    for (;;) {
      const j = await adminApi.job(id);
      job.value = j;
      progress.value = UPLOAD_SHARE + (1 - UPLOAD_SHARE) * j.progress;
      phase.value = j.phase;
      if (j.state !== 'reading' && j.state !== 'checking') return;
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  }

  async function upload(file: Blob, q: UploadQuery): Promise<void> {
    busy.value = true;
    error.value = null;
    job.value = null;
    progress.value = 0;
    try {
      const started = await uploadLayerFile(file, q, (sent) => {
        progress.value = UPLOAD_SHARE * sent;
        phase.value = `上传 ${Math.round(sent * 100)}%`;
      });
      job.value = started;
      await poll(started.id);
    } catch (err) {
      error.value = describe(err);
    } finally {
      busy.value = false;
    }
  }

  async function loadHistory(layer: LayerNameValue): Promise<void> {
    history.value = await adminApi.history(layer);
  }

  async function apply(): Promise<void> {
    if (!job.value) return;
    busy.value = true;
    error.value = null;
    try {
      job.value = await adminApi.apply(job.value.id);
      await loadHistory(job.value.layer);
    } catch (err) {
      error.value = describe(err);
    } finally {
      busy.value = false;
    }
  }

  async function cancel(): Promise<void> {
    if (!job.value) return;
    try {
      await adminApi.cancel(job.value.id);
    } catch (err) {
      error.value = describe(err);
    }
    job.value = null;
    progress.value = 0;
    phase.value = '';
  }

  async function undo(layer: LayerNameValue): Promise<void> {
    busy.value = true;
    error.value = null;
    try {
      history.value = await adminApi.undo(layer);
    } catch (err) {
      error.value = describe(err);
    } finally {
      busy.value = false;
    }
  }

  return { job, progress, phase, busy, error, history, upload, apply, cancel, undo, loadHistory };
});
