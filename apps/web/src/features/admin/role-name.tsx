import type { PlatformRole } from '@hearth/contracts';
import type { TFunction } from 'i18next';

/** A platform role in words: its name ("Facilitator") and what it lets the person do. */
export function roleWords(t: TFunction, role: PlatformRole): { name: string; hint: string } {
  if (role === 'admin') return { name: t('admin.roles.admin'), hint: t('admin.roles.adminHint') };
  if (role === 'facilitator') {
    return { name: t('admin.roles.facilitator'), hint: t('admin.roles.facilitatorHint') };
  }
  return { name: t('admin.roles.member'), hint: t('admin.roles.memberHint') };
}
