import type { Mail } from './mail.js';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A short, kind email around one link: no images, no tracking, nothing about the person beyond the link. The
 * footer says why it came (and what to do if it should not have).
 */
export function actionMail({
  to,
  subject,
  lines,
  action,
  url,
  footer,
  language = 'en',
}: {
  to: string;
  subject: string;
  lines: string[];
  action: string;
  url: string;
  footer: string;
  /** The language of the mail's own words (the copy hint); the caller's lines are already in it. */
  language?: 'en' | 'es';
}): Mail {
  const copyHint =
    language === 'es' ? 'O copia esta dirección en tu navegador:' : 'Or copy this address into your browser:';
  const text = [...lines, '', `${action}: ${url}`, '', footer, '', 'Hearth'];
  const html = [
    '<!doctype html><html><body style="font-family:sans-serif;line-height:1.5;color:#222">',
    ...lines.map((line) => `<p>${escapeHtml(line)}</p>`),
    `<p><a href="${escapeHtml(url)}">${escapeHtml(action)}</a></p>`,
    `<p style="color:#555;font-size:90%">${copyHint} ${escapeHtml(url)}</p>`,
    `<p style="color:#555;font-size:90%">${escapeHtml(footer)}</p>`,
    '<p>Hearth</p></body></html>',
  ];
  return {
    to,
    subject,
    text: text.join('\n'),
    html: html.join('\n'),
    headers: { 'Auto-Submitted': 'auto-generated' },
  };
}
