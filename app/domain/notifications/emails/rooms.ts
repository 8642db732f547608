// The matchmaking rooms' email: someone in a room would like to meet you. Plain text only.

export interface RoomContactInput {
  fromName: string;
  eventTitle: string;
  roomName: string;
  /** The message as posted in the room ("X would like to meet Y. “note”"). */
  body: string;
  roomUrl: string;
}

export function roomContactEmail(input: RoomContactInput): { subject: string; text: string } {
  return {
    subject: `${input.fromName} would like to meet you at ${input.eventTitle}`,
    text: `${input.body}\n\nReply in the room "${input.roomName}": ${input.roomUrl}\n\n— SCALE Events`,
  };
}
