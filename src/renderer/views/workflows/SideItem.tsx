import type { ButtonHTMLAttributes, ReactNode } from 'react';

/** What a side list entry shows besides what a button takes. */
interface SideItemProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  /** The pill or badge before the name. */
  badge: ReactNode;
  /** The muted line under the name. */
  detail: ReactNode;
  /** Marks the entry whose page is open. */
  current?: boolean;
  /** Sets the name in the monospace font, for hashes. */
  mono?: boolean;
}

/** One entry of a workflows side list: a badge, a name, and a muted line under it. */
export function SideItem({ badge, detail, current, mono, children, ...button }: SideItemProps) {
  return (
    <button
      type="button"
      className="side-item"
      aria-current={current ? 'true' : undefined}
      {...button}
    >
      {badge}
      <span className={mono ? 'side-item-text mono' : 'side-item-text'}>
        {children}
        <span className="muted side-item-detail">{detail}</span>
      </span>
    </button>
  );
}
