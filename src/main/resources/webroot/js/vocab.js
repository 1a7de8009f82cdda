// Identifiers of the API contract (api/openapi.yaml), in display order.

export const CATEGORIES = ['killing_maiming', 'recruitment_use', 'sexual_violence', 'abduction',
  'attack_school_hospital', 'denial_humanitarian_access', 'other_child_protection', 'not_relevant'];
export const STATUSES = ['new', 'in_review', 'verified', 'unverified', 'dismissed', 'referred', 'merged'];
export const PRIORITIES = ['urgent', 'high', 'normal', 'low'];
export const REGIONS = ['kayes', 'koulikoro', 'sikasso', 'segou', 'mopti', 'tombouctou', 'gao', 'kidal',
  'taoudenit', 'menaka', 'bamako', 'none'];
export const LANGUAGES = ['fra', 'bam', 'ses', 'ffm', 'taq', 'ara', 'eng', 'und'];
export const ROLES = ['monitor', 'supervisor', 'admin'];

const RANK = { monitor: 0, supervisor: 1, admin: 2 };

export function atLeast(role, wanted) {
  return (RANK[role] ?? -1) >= RANK[wanted];
}
