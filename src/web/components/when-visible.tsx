import { Suspense, useEffect, useRef, useState, type ReactNode } from 'react';

export interface WhenVisibleProps {
  children: ReactNode;
  /** Shown until the place comes near the screen, and while a lazy child loads. */
  placeholder?: ReactNode;
  /** How close to the screen counts as visible (CSS margin). */
  margin?: string;
}

/**
 * Renders its children once their place comes near the screen, so what they import lazily (a
 * `lazy()` component) is fetched only then: the parts of a long page below the fold stay out of
 * its first load. Without IntersectionObserver it renders at once.
 */
export function WhenVisible({ children, placeholder = null, margin = '200px' }: WhenVisibleProps) {
  const spot = useRef<HTMLDivElement>(null);
  const [visible, setVisible] = useState(() => typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    if (visible || !spot.current) return;
    const seen = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        seen.disconnect();
        setVisible(true);
      },
      { rootMargin: margin },
    );
    seen.observe(spot.current);
    return () => seen.disconnect();
  }, [visible, margin]);
  if (visible) return <Suspense fallback={placeholder}>{children}</Suspense>;
  return <div ref={spot}>{placeholder}</div>;
}
