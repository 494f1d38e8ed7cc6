/**
 * Unread message counts for group cards. The chat library provides it; groups never imports chat, so the
 * card asks for whatever implementation the application has registered under this token.
 */
export const UNREAD_COUNTS = Symbol('UNREAD_COUNTS');

export interface UnreadCounts {
  unreadCounts(userId: string, groupIds: string[]): Promise<Map<string, number>>;
}
