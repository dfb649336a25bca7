import { Text } from '@tarojs/components';
import type { GuideService } from '@jiuyi/shared';

/** The first character that is not punctuation: 《居民死亡医学证明书》 gives 居. */
function firstLetter(name: string): string {
  return name.match(/[\p{L}\p{N}]/u)?.[0] ?? name.slice(0, 1);
}

/**
 * The service's icon when it is a glyph (an emoji or a character); an icon *name* would mean
 * nothing on screen, so then the first character of the service name stands in.
 */
export function ServiceIcon({ service }: { service: Pick<GuideService, 'icon' | 'name'> }) {
  const glyph = /^[\x20-\x7e]*$/.test(service.icon) ? firstLetter(service.name) : service.icon;
  return <Text className="service-icon">{glyph}</Text>;
}
