import type { ReactNode } from 'react';
import type { MessageKey } from '../i18n/zh-cn';
import type { FeatureNavItem } from './feature';
import { features } from './features';

export interface NavItem {
  path: string;
  label: MessageKey;
  icon: ReactNode;
  /** The user needs one of these permissions (Me.permissions) to see the entry; none means everyone. */
  anyOf?: string[];
}

const all = features.flatMap((f): FeatureNavItem[] => f.nav ?? []).sort((a, b) => a.order - b.order);
const toNavItem = ({ path, label, icon, anyOf }: FeatureNavItem): NavItem => ({ path, label: label as MessageKey, icon, anyOf });

/** The side menu, in order, from the features' manifests. Each entry shows only to those who may use it. */
export const navItems: { main: NavItem[]; admin: NavItem[] } = {
  main: all.filter((i) => i.group === 'main').map(toNavItem),
  admin: all.filter((i) => i.group === 'admin').map(toNavItem),
};
