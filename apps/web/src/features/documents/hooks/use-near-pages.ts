import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * Which pages are on screen or within `margin` of it, by one IntersectionObserver for all pages of
 * a scroller. Pages register their element with `observe(page)` (a ref callback).
 */
export function useNearPages(root: HTMLElement | null, margin = '150% 0px') {
  const [near, setNear] = useState<ReadonlySet<number>>(() => new Set([1]));
  const observer = useRef<IntersectionObserver | null>(null);
  const elements = useRef(new Map<number, HTMLElement>());
  const callbacks = useRef(new Map<number, (el: HTMLElement | null) => void>());

  useEffect(() => {
    if (!root) return;
    const io = new IntersectionObserver(
      (entries) => {
        setNear((prev) => {
          const next = new Set(prev);
          for (const e of entries) {
            const page = Number((e.target as HTMLElement).dataset.page);
            if (e.isIntersecting) next.add(page);
            else next.delete(page);
          }
          return next;
        });
      },
      { root, rootMargin: margin },
    );
    observer.current = io;
    for (const el of elements.current.values()) io.observe(el);
    return () => {
      io.disconnect();
      observer.current = null;
    };
  }, [root, margin]);

  // One stable ref callback per page, so re-renders do not unobserve and observe again.
  const observe = useCallback((page: number) => {
    let callback = callbacks.current.get(page);
    if (!callback) {
      callback = (el: HTMLElement | null) => {
        const old = elements.current.get(page);
        if (old && old !== el) observer.current?.unobserve(old);
        if (el) {
          elements.current.set(page, el);
          observer.current?.observe(el);
        } else {
          elements.current.delete(page);
        }
      };
      callbacks.current.set(page, callback);
    }
    return callback;
  }, []);

  /** The element of a page (to scroll to it). */
  const elementOf = useCallback((page: number) => elements.current.get(page) ?? null, []);

  return { near, observe, elementOf };
}
