import type { InstanceDto, PushSubscriptionDto } from '@hearth/contracts';

export type { PushSubscriptionDto } from '@hearth/contracts';

import { http } from '../api/http';

const DEVICE_KEY = 'hearth.push-subscription';

/** What this browser can do about notifications, in the words the screen needs. */
export type PushSupport =
  | 'supported'
  | 'unsupported'
  /** iPhone or iPad in Safari's tabs: Web Push needs Hearth on the home screen (iOS 16.4 or later). */
  | 'ios-not-installed';

export function isInstalled(): boolean {
  const standalone = (navigator as Navigator & { standalone?: boolean }).standalone === true;
  return standalone || window.matchMedia('(display-mode: standalone)').matches;
}

export function isAppleMobile(): boolean {
  const ua = navigator.userAgent;
  return /iPhone|iPad|iPod/.test(ua) || (/Macintosh/.test(ua) && navigator.maxTouchPoints > 1);
}

export function pushSupport(): PushSupport {
  const capable = 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;
  if (isAppleMobile() && !isInstalled()) return 'ios-not-installed';
  return capable ? 'supported' : 'unsupported';
}

export function pushKey(instance: InstanceDto | null): string | null {
  return instance?.webPush?.publicKey ?? null;
}

/** Whether the server sends email; undefined until it is known. */
export function emailSent(instance: InstanceDto | null): boolean | undefined {
  return instance?.email;
}

/** A name for this device in the list, from what the browser says of itself. */
export function deviceLabel(): string {
  const ua = navigator.userAgent;
  const browser = /Edg\//.test(ua)
    ? 'Edge'
    : /Firefox\//.test(ua)
      ? 'Firefox'
      : /Chrome\/|CriOS\//.test(ua)
        ? 'Chrome'
        : /Safari\//.test(ua)
          ? 'Safari'
          : 'Browser';
  const system = /iPhone/.test(ua)
    ? 'iPhone'
    : /iPad/.test(ua) || (/Macintosh/.test(ua) && navigator.maxTouchPoints > 1)
      ? 'iPad'
      : /Android/.test(ua)
        ? 'Android'
        : /Windows/.test(ua)
          ? 'Windows'
          : /Mac OS X|Macintosh/.test(ua)
            ? 'Mac'
            : /Linux/.test(ua)
              ? 'Linux'
              : 'this device';
  return `${browser} on ${system}`;
}

function fromBase64Url(value: string): Uint8Array<ArrayBuffer> {
  const base64 = value
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(value.length / 4) * 4, '=');
  const binary = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** This browser's subscription, if it has one. */
export async function currentSubscription(): Promise<PushSubscription | null> {
  if (!('serviceWorker' in navigator)) return null;
  const registration = await navigator.serviceWorker.getRegistration('/');
  return (await registration?.pushManager.getSubscription()) ?? null;
}

/**
 * Asks for permission (only ever from a tap) and subscribes this device. Returns the permission when it was not
 * granted, so the screen can say so.
 */
export async function enablePush(publicKey: string): Promise<NotificationPermission> {
  const permission = await Notification.requestPermission();
  if (permission !== 'granted') return permission;
  const registration = await navigator.serviceWorker.ready;
  const subscription = await registration.pushManager.subscribe({
    userVisibleOnly: true,
    applicationServerKey: fromBase64Url(publicKey),
  });
  const { endpoint, keys } = subscription.toJSON();
  const saved = await http.post<PushSubscriptionDto>('/me/push-subscriptions', {
    endpoint,
    keys: { p256dh: keys?.p256dh, auth: keys?.auth },
    label: deviceLabel(),
  });
  localStorage.setItem(DEVICE_KEY, saved.id);
  return permission;
}

/** The id the server gave this device's subscription, when this device made it. */
export function thisDeviceSubscriptionId(): string | null {
  return localStorage.getItem(DEVICE_KEY);
}

/**
 * Stops pushes to this device: the browser's subscription ends and the server forgets it. Used on sign-out too,
 * so that a shared phone does not keep receiving someone else's alerts.
 */
export async function disablePushOnThisDevice(): Promise<void> {
  const id = localStorage.getItem(DEVICE_KEY);
  localStorage.removeItem(DEVICE_KEY);
  const subscription = await currentSubscription().catch(() => null);
  await subscription?.unsubscribe().catch(() => undefined);
  if (id) await http.delete(`/me/push-subscriptions/${id}`).catch(() => undefined);
}
