import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface MenuChoice {
  key: string;
  label: string;
  onChoose: () => void;
  /** Facilitators' steps are set apart from everyone's. */
  moderation?: boolean;
}

/**
 * A message's actions behind one "More actions" button (menu button pattern): the menu opens from the button, a
 * long press on the message, or the keyboard; arrows move, Escape and Tab close it and the focus goes back to the
 * button, so a dialog opened from a choice returns there too.
 */
export function MessageMenu({
  label,
  choices,
  open,
  onOpenChange,
}: {
  label: string;
  choices: MenuChoice[];
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const { t } = useTranslation();
  const menuId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  const items = () => [...(menu.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];

  useEffect(() => {
    if (!open) return;
    menu.current?.scrollIntoView({ block: 'nearest' });
    items()[0]?.focus();
    const away = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menu.current?.contains(target) && !button.current?.contains(target)) onOpenChange(false);
    };
    // Escape closes it wherever the focus is (a long press leaves it on the page, not in the menu).
    const escape = (event: globalThis.KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      onOpenChange(false);
      button.current?.focus();
    };
    document.addEventListener('pointerdown', away);
    document.addEventListener('keydown', escape);
    return () => {
      document.removeEventListener('pointerdown', away);
      document.removeEventListener('keydown', escape);
    };
  }, [open, onOpenChange]);

  const close = () => {
    onOpenChange(false);
    button.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const all = items();
    const at = all.indexOf(document.activeElement as HTMLButtonElement);
    const moveTo = (index: number) => all[(index + all.length) % all.length]?.focus();
    if (event.key === 'ArrowDown') moveTo(at + 1);
    else if (event.key === 'ArrowUp') moveTo(at - 1);
    else if (event.key === 'Home') moveTo(0);
    else if (event.key === 'End') moveTo(all.length - 1);
    else if (event.key === 'Escape' || event.key === 'Tab') close();
    else return;
    event.preventDefault();
    event.stopPropagation();
  };

  let separated = false;
  const entries: ReactNode[] = [];
  for (const choice of choices) {
    if (choice.moderation && !separated) {
      separated = true;
      entries.push(<li key="separator" role="separator" className="menu-separator" />);
    }
    entries.push(
      <li key={choice.key} role="none">
        <button
          type="button"
          role="menuitem"
          tabIndex={-1}
          className="menu-item"
          onClick={() => {
            close();
            choice.onChoose();
          }}
        >
          {choice.label}
        </button>
      </li>,
    );
  }

  return (
    <div className="message-menu">
      <button
        ref={button}
        type="button"
        className="more-actions"
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => onOpenChange(!open)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            onOpenChange(true);
          }
        }}
      >
        <span aria-hidden="true">⋯</span>
      </button>
      {open && (
        <ul ref={menu} id={menuId} role="menu" aria-label={t('room.menu.label')} onKeyDown={onKeyDown}>
          {entries}
        </ul>
      )}
    </div>
  );
}

/** Opens the message's menu when a finger rests on it for half a second, as messaging apps do. */
export function useLongPress(onLongPress: () => void) {
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const fired = useRef(false);
  const cancel = () => clearTimeout(timer.current);
  useEffect(() => cancel, []);
  return {
    onTouchStart: () => {
      fired.current = false;
      cancel();
      timer.current = setTimeout(() => {
        fired.current = true;
        onLongPress();
      }, 500);
    },
    onTouchMove: cancel,
    onTouchEnd: cancel,
    onTouchCancel: cancel,
    onContextMenu: (event: { preventDefault(): void }) => {
      // The long press opened our menu: the browser's own (copy, select) would cover it.
      if (fired.current) event.preventDefault();
    },
  };
}
