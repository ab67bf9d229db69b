// The admin page's calls: the upload (XHR, for its upload progress), the import jobs, versions.
import type { ImportJobView, LayerHistory, LayerNameValue } from '@cw/shared/schemas/imports';
import { authHeaders, getJson, HttpError, postJson } from '../api/http.ts';

export interface UploadQuery {
  layer: LayerNameValue;
  format: 'geojson' | 'shapefile' | 'kml' | 'csv';
  crs?: 'wgs84' | 'cgcs2000' | 'gcj02' | 'bd09';
  name: string;
}

function serverMessage(text: string): string {
  try {
    const m = (JSON.parse(text) as { message?: unknown }).message;
    return typeof m === 'string' ? m : text.slice(0, 200);
  } catch {
    return text.slice(0, 200);
  }
}

/** Sends the file as the request body; `onProgress` gets the fraction sent. */
export function uploadLayerFile(file: Blob, q: UploadQuery, onProgress: (sent: number) => void): Promise<ImportJobView> {
  const params = new URLSearchParams({ layer: q.layer, format: q.format, name: q.name });
  if (q.crs) params.set('crs', q.crs);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1/imports?${params}`);
    xhr.withCredentials = true;
    for (const [k, v] of Object.entries(authHeaders())) xhr.setRequestHeader(k, v);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) onProgress(e.loaded / e.total); };
    xhr.onload = () => {
      if (xhr.status === 202) resolve(JSON.parse(xhr.responseText) as ImportJobView);
      else reject(new HttpError(xhr.status, `upload → ${xhr.status}`, serverMessage(xhr.responseText)));
    };
    xhr.onerror = () => reject(new HttpError(0, 'upload failed', '网络错误'));
    xhr.send(file);
  });
}

async function del<T>(path: string): Promise<T> {
  const res = await fetch(path, { method: 'DELETE', headers: { Accept: 'application/json', ...authHeaders() }, credentials: 'same-origin' });
  const text = await res.text();
  if (!res.ok) throw new HttpError(res.status, `DELETE ${path} → ${res.status}`, serverMessage(text));
  return JSON.parse(text) as T;
}

export const adminApi = {
  job: (id: string) => getJson<ImportJobView>(`/api/v1/imports/${id}`),
  apply: (id: string) => postJson<ImportJobView>(`/api/v1/imports/${id}/apply`),
  cancel: (id: string) => del<ImportJobView>(`/api/v1/imports/${id}`),
  history: (layer: LayerNameValue) => getJson<LayerHistory>(`/api/v1/layers/${layer}/versions`),
  undo: (layer: LayerNameValue) => postJson<LayerHistory>(`/api/v1/layers/${layer}/undo`),
};
