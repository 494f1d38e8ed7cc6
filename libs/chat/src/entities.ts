import { MessageEdit } from './messages/message-edit.entity.js';
import { Message } from './messages/message.entity.js';
import { Reaction } from './messages/reaction.entity.js';
import { ChatRoom } from './rooms/chat-room.entity.js';
import { ReadMarker } from './rooms/read-marker.entity.js';

export const chatEntities = [ChatRoom, Message, MessageEdit, Reaction, ReadMarker];
