// A case as a public GeoReport service request. Only what the public may see: no reporter, no
// contact details, a description with phone numbers and e-mail addresses masked.
import type { Case } from '@cw/shared/schemas/cases';
import { CASE_CATEGORY_BY_CODE } from '@cw/shared/domain/taxonomy';
import { CASE_STATE_LABEL } from '@cw/shared/domain/case';
import { formatCst } from './w3c-datetime.ts';
import { redactContacts } from './redact.ts';
import { serviceNotice, unitName } from './services.ts';

export type Open311Request = {
  service_request_id: string;
  status: 'open' | 'closed';
  status_notes: string;
  service_name: string;
  service_code: string;
  description: string | null;
  agency_responsible: string;
  service_notice: string | null;
  requested_datetime: string;
  updated_datetime: string;
  expected_datetime: string;
  address: string | null;
  address_id: null;
  zipcode: null;
  lat: number;
  long: number;
  media_url: string | null;
}

/** GeoReport knows two statuses: a case is closed once finished (结案) or voided (作废). */
export function statusOf(c: Case): 'open' | 'closed' {
  return c.state === 'closed' || c.state === 'rejected' ? 'closed' : 'open';
}

function statusNotes(c: Case): string {
  const label = CASE_STATE_LABEL[c.state];
  const notes = `当前环节：${label.zh}（${label.en}）`;
  return c.state === 'deferred' && c.deferredUntil !== null ? `${notes}，缓办至 ${formatCst(c.deferredUntil)}` : notes;
}

/** `origin` (scheme://host) makes the photo link absolute; the photo itself still needs a login. */
export function toServiceRequest(c: Case, origin: string): Open311Request {
  const category = CASE_CATEGORY_BY_CODE.get(c.category);
  const photo = c.photos.find((p) => p.stage === 'before') ?? c.photos[0];
  return {
    service_request_id: c.id,
    status: statusOf(c),
    status_notes: statusNotes(c),
    service_name: category?.zh ?? c.category,
    service_code: c.category,
    description: c.description ? redactContacts(c.description) : null,
    agency_responsible: category ? unitName(category) : c.unit,
    service_notice: category ? serviceNotice(category) : null,
    requested_datetime: formatCst(c.createdAt),
    // For a closed request the spec wants the time it was closed.
    updated_datetime: formatCst(c.closedAt ?? c.updatedAt),
    expected_datetime: formatCst(c.deadlineAt),
    address: c.address || null,
    address_id: null,
    zipcode: null,
    lat: c.lat,
    long: c.lon,
    media_url: photo ? `${origin}/api/v1/photos/${photo.id}` : null,
  };
}
