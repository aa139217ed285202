/**
 * A web feature is one folder with one manifest (`features/<name>/feature.tsx`): its pages (each a
 * lazily loaded chunk), its side-menu entries and its UI strings in both languages. The router, the
 * menu and the catalogues loop over the list in `app/features.ts`, so adding a feature is its
 * folder and one line there.
 */
import type { ComponentType, LazyExoticComponent, ReactNode } from 'react';

export interface FeatureRoute {
  /** Under the signed-in shell, without the leading slash (`leads/:id`); `''` is the index page. */
  path: string;
  page: LazyExoticComponent<ComponentType>;
  /** The user needs one of these permissions (Me.permissions) to open it; none means everyone. */
  anyOf?: string[];
  /** Outside the signed-in shell (the login page). */
  public?: boolean;
}

export interface FeatureNavItem {
  path: string;
  /** A key of the catalogues (this feature's strings or the shell's). */
  label: string;
  icon: ReactNode;
  anyOf?: string[];
  /** `main` menu or the 系统管理 group. */
  group: 'main' | 'admin';
  /** Position in its group, lower first. */
  order: number;
}

export interface FeatureStrings<Zh extends Record<string, string>> {
  'zh-CN': Zh;
  'en-US': Record<keyof Zh, string>;
}

export interface WebFeature<Zh extends Record<string, string> = Record<string, string>> {
  name: string;
  routes?: FeatureRoute[];
  nav?: FeatureNavItem[];
  strings?: FeatureStrings<Zh>;
}

export function defineFeature<const Zh extends Record<string, string> = Record<never, string>>(feature: WebFeature<Zh>): WebFeature<Zh> {
  return feature;
}

/** The keys of every feature's strings (distributes over the union of features). */
export type StringKeysOf<F> = F extends WebFeature<infer Zh> ? keyof Zh & string : never;
