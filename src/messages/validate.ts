// Small guards for untrusted payloads. Messages come from content scripts that live next to hostile pages,
// so every field is checked for type and size before use.
import { ProtocolError } from './protocol.ts';

export function record(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ProtocolError('malformed', `${what} must be an object.`);
  }
  return value as Record<string, unknown>;
}

/** Messages that carry nothing still must be an object, like every payload. */
export function noPayload(payload: unknown): Record<string, never> {
  record(payload, 'payload');
  return {};
}

export function optionalString(value: unknown, what: string, max = 2048): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || value.length > max) {
    throw new ProtocolError('malformed', `${what} must be a string of at most ${max} characters.`);
  }
  return value;
}

export function requiredString(value: unknown, what: string, max = 2048): string {
  const s = optionalString(value, what, max);
  if (!s) throw new ProtocolError('malformed', `${what} is required.`);
  return s;
}

export function optionalInteger(value: unknown, what: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw new ProtocolError('malformed', `${what} must be an integer.`);
  }
  return value;
}
