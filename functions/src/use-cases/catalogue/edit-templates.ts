import {
  DEFAULT_QUOTA_POLICY,
  DomainError,
  toShanghaiIso,
  type ClinicTemplate,
  type DoctorTemplatesResponse,
  type PutDoctorTemplatesBody,
} from '@jiuyi/shared';
import type { CatalogueStore } from '../../ports/catalogue-store';
import type { TemplateStore } from '../../ports/template-store';

export interface TemplatePorts {
  catalogue: CatalogueStore;
  templates: TemplateStore;
}

const byWeek = (a: ClinicTemplate, b: ClinicTemplate) =>
  a.weekday - b.weekday || a.period.localeCompare(b.period);

function toResponse(doctorId: string, templates: ClinicTemplate[], now: Date): DoctorTemplatesResponse {
  return {
    doctorId,
    items: [...templates].sort(byWeek).map((t) => ({
      weekday: t.weekday,
      period: t.period,
      capacity: t.capacity,
      slotMinutes: t.slotMinutes,
      onSiteReservePercent: (t.quota ?? DEFAULT_QUOTA_POLICY).onSiteReservePercent,
      referralReservePercent: (t.quota ?? DEFAULT_QUOTA_POLICY).referralReservePercent,
      defaultQuota: t.quota === undefined,
    })),
    appliesToSessionsCreatedAfter: toShanghaiIso(now),
  };
}

async function requireDoctor(catalogue: CatalogueStore, doctorId: string): Promise<void> {
  if (!(await catalogue.listDoctors()).some((d) => d.id === doctorId)) throw new DomainError('NOT_FOUND');
}

/** A doctor's weekly templates as the admin page shows them. */
export async function listDoctorTemplates(
  ports: TemplatePorts,
  doctorId: string,
  now: Date,
): Promise<DoctorTemplatesResponse> {
  await requireDoctor(ports.catalogue, doctorId);
  return toResponse(doctorId, await ports.templates.listForDoctor(doctorId), now);
}

/**
 * Replaces a doctor's weekly templates (the body was validated: one entry per half day, slots of
 * 5–30 minutes, reserves that add up).
 * Sessions already materialised are left exactly as they are, booked or not: materialisation only
 * writes sessions that do not exist yet, so the new week takes effect from the first date not yet
 * materialised (the booking window's far end, one day per daily run). Changing a session that is
 * already published is a suspension (停诊) or an extra number, both of which tell the patients.
 */
export async function replaceDoctorTemplates(
  ports: TemplatePorts,
  doctorId: string,
  body: PutDoctorTemplatesBody,
  now: Date,
): Promise<DoctorTemplatesResponse> {
  await requireDoctor(ports.catalogue, doctorId);
  const templates: ClinicTemplate[] = body.templates.map((t) => ({
    doctorId,
    weekday: t.weekday,
    period: t.period,
    capacity: t.capacity,
    slotMinutes: t.slotMinutes,
    ...(t.onSiteReservePercent !== undefined && t.referralReservePercent !== undefined
      ? {
          quota: {
            onSiteReservePercent: t.onSiteReservePercent,
            referralReservePercent: t.referralReservePercent,
          },
        }
      : {}),
  }));
  await ports.templates.replaceForDoctor(doctorId, templates);
  return toResponse(doctorId, templates, now);
}
