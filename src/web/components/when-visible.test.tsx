// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WhenVisible } from './when-visible';

afterEach(cleanup);

/** A stand-in IntersectionObserver the test drives: `show()` reports every observed element as on screen. */
let observers: Array<{ callback: IntersectionObserverCallback; targets: Element[]; disconnected: boolean }> = [];
beforeEach(() => {
  observers = [];
  globalThis.IntersectionObserver = class {
    private entry: (typeof observers)[number];
    constructor(callback: IntersectionObserverCallback) {
      this.entry = { callback, targets: [], disconnected: false };
      observers.push(this.entry);
    }
    observe(target: Element) {
      this.entry.targets.push(target);
    }
    disconnect() {
      this.entry.disconnected = true;
    }
    unobserve() {}
    takeRecords() {
      return [];
    }
  } as unknown as typeof IntersectionObserver;
});
const show = () =>
  act(() => {
    for (const o of observers.filter((x) => !x.disconnected))
      o.callback(o.targets.map((target) => ({ target, isIntersecting: true }) as IntersectionObserverEntry), {} as IntersectionObserver);
  });

describe('WhenVisible: below-the-fold parts render (and fetch) when scrolled to', () => {
  it('shows the placeholder, not the children, until the place comes on screen', () => {
    render(
      <WhenVisible placeholder={<span>稍后</span>}>
        <span>待办</span>
      </WhenVisible>,
    );
    expect(screen.getByText('稍后')).toBeTruthy();
    expect(screen.queryByText('待办')).toBeNull();
  });

  it('renders the children once on screen and stops watching', () => {
    render(
      <WhenVisible placeholder={<span>稍后</span>}>
        <span>待办</span>
      </WhenVisible>,
    );
    show();
    expect(screen.getByText('待办')).toBeTruthy();
    expect(screen.queryByText('稍后')).toBeNull();
    expect(observers.every((o) => o.disconnected)).toBe(true);
  });
});
