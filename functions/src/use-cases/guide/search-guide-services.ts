import type { GuideService } from '@jiuyi/shared';
import type { GuideStore } from '../../ports/guide-store';

function haystack(service: GuideService): string {
  return [
    service.name,
    service.summary,
    ...service.keywords,
    ...service.steps,
    ...service.requiredDocuments.map((d) => d.name),
    ...service.notes,
  ]
    .join(' ')
    .toLowerCase();
}

/**
 * Lists the guide's services, optionally filtered by a keyword query.
 * 1. Load all services (eleven of them: scanning in memory beats an index here).
 * 2. Split the query on whitespace; a service matches when every term appears in its text.
 * 3. Matches in the name rank first, then the guide's own order.
 */
export async function searchGuideServices(guide: GuideStore, q?: string): Promise<GuideService[]> {
  const services = await guide.listServices();
  const terms = (q ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  if (terms.length === 0) return services;
  const matched = services.filter((s) => terms.every((t) => haystack(s).includes(t)));
  const nameHit = (s: GuideService) => (terms.some((t) => s.name.toLowerCase().includes(t)) ? 0 : 1);
  return matched.sort((a, b) => nameHit(a) - nameHit(b) || a.order - b.order);
}
