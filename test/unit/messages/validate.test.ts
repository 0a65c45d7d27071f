import { expect, test } from 'vitest';
import { ProtocolError } from '../../../src/messages/protocol.ts';
import { noPayload } from '../../../src/messages/validate.ts';

test('a message that carries nothing takes an object and hands on nothing of it', () => {
  expect(noPayload({})).toEqual({});
  expect(noPayload({ stray: 'field' })).toEqual({});
});

test.each([[null], [undefined], ['text'], [[]], [7]])('a payload of %j is malformed', (payload) => {
  expect(() => noPayload(payload)).toThrowError(ProtocolError);
});
