// Typed REST calls for working on cases: the dispatch console and the patrol phone.
import type { Case, CaseCommand, CaseEvent, CaseList, NewCase, Recommendation } from '@cw/shared/schemas/cases';
import type { CaseCategory } from '@cw/shared/domain/taxonomy';
import { getBlob, getJson, postForm, postJson } from './http.ts';

export type { Recommendation };

export type PhotoStage = 'before' | 'after';

const caseUrl = (id: string) => `/api/v1/cases/${encodeURIComponent(id)}`;

export const caseApi = {
  get: (id: string) => getJson<Case>(caseUrl(id)),
  events: (id: string) => getJson<CaseEvent[]>(`${caseUrl(id)}/events`),
  create: (body: NewCase) => postJson<Case>('/api/v1/cases', body),
  transition: (id: string, command: CaseCommand) => postJson<Case>(`${caseUrl(id)}/transitions`, command),
  recommendations: (id: string, n = 5) =>
    getJson<{ recommendations: Recommendation[] }>(`${caseUrl(id)}/recommendations?n=${n}`).then((r) => r.recommendations),
  uploadPhoto: (id: string, stage: PhotoStage, photo: Blob, filename = 'photo.jpg') => {
    const form = new FormData();
    form.append('photo', photo, filename);
    return postForm<Case>(`${caseUrl(id)}/photos?stage=${stage}`, form);
  },
  photo: (photoId: string, variant: 'thumb' | 'original') =>
    getBlob(`/api/v1/photos/${encodeURIComponent(photoId)}${variant === 'thumb' ? '/thumb' : ''}`),
  taxonomy: () => getJson<{ categories: CaseCategory[] }>('/api/v1/taxonomy').then((r) => r.categories),
  /** A patrol account's own open tasks. */
  assigned: () => getJson<CaseList>('/api/v1/cases/assigned'),
};
