/** What jsdom lacks and Fluent UI reaches for. Imported first by every task pane test. */
class NoopResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

const g = globalThis as unknown as Record<string, unknown>;
if (typeof window !== "undefined") {
  if (!g.ResizeObserver) g.ResizeObserver = NoopResizeObserver;
  if (!window.matchMedia) {
    window.matchMedia = (query: string) =>
      ({
        matches: false,
        media: query,
        onchange: null,
        addListener: () => undefined,
        removeListener: () => undefined,
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
        dispatchEvent: () => false,
      }) as MediaQueryList;
  }
  if (!Element.prototype.scrollIntoView) Element.prototype.scrollIntoView = () => undefined;
  // jsdom lays nothing out: offsetParent is always null and the body measures 0×0, so Fluent's
  // keyboard navigation (tabster) takes every element for hidden and moves focus nowhere.
  // offsetParent is null only where a browser would give null (the element or an ancestor
  // hidden), and the body has a size.
  HTMLBodyElement.prototype.getBoundingClientRect = () => new DOMRect(0, 0, 1024, 768);
  Object.defineProperty(HTMLElement.prototype, "offsetParent", {
    configurable: true,
    get(this: HTMLElement): Element | null {
      const hidden = (e: HTMLElement) => e.hidden || window.getComputedStyle(e).display === "none";
      if (hidden(this)) return null;
      for (let e = this.parentElement; e; e = e.parentElement) if (hidden(e)) return null;
      return this === document.body ? null : this.parentElement;
    },
  });
}

export {};
