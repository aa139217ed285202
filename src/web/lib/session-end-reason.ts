/**
 * Why the session just ended, so the login page can say so ("登录已过期" vs "已退出"). Kept outside
 * React because the 401 that ends a session can come from any request.
 */
export type SessionEndReason = 'expired' | 'loggedOut';

let reason: SessionEndReason | null = null;

export const sessionEndReason = {
  set: (next: SessionEndReason) => {
    reason = next;
  },
  peek: () => reason,
  clear: () => {
    reason = null;
  },
};
