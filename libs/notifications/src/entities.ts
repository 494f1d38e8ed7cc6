/** Every entity of the notifications library, registered as classes (a bundled build cannot glob). */
export const notificationsEntities: (abstract new (...args: never[]) => unknown)[] = [];
