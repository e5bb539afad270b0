// The public URL scheme, written once: readable, stable, built from slugs.

export function meetingUrl(authoritySlug: string, meetingSlug: string): string {
  return `/authorities/${encodeURIComponent(authoritySlug)}/meetings/${encodeURIComponent(meetingSlug)}`;
}
