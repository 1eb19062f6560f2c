"use client";

import { useEffect } from "react";

const EVERY_MS = 60_000;

/**
 * Sessions have an idle lifetime (SESSION_IDLE_MINUTES): the cookie is re-issued only when
 * next-auth's session endpoint is called, so activity here (a key or pointer press, at most once
 * a minute) renews it. An unattended console lets it lapse.
 */
export function SessionKeepAlive() {
  useEffect(() => {
    let last = Date.now();
    const onActivity = () => {
      if (Date.now() - last < EVERY_MS) return;
      last = Date.now();
      void fetch("/api/auth/session", { credentials: "same-origin" }).catch(() => undefined);
    };
    window.addEventListener("pointerdown", onActivity);
    window.addEventListener("keydown", onActivity);
    return () => {
      window.removeEventListener("pointerdown", onActivity);
      window.removeEventListener("keydown", onActivity);
    };
  }, []);
  return null;
}
