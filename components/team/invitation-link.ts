/** The link an owner sends: `<origin>/invite/<id>`. */
export function invitationLink(origin: string, invitationId: string): string {
  return `${origin}/invite/${encodeURIComponent(invitationId)}`;
}
