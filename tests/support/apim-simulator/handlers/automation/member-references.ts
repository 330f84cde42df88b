import { type JsonObject, objectItems, stringMember } from '../../json.ts';

/**
 * Warnings APIM gives for the members of an application or group spec, one per member. APIM drops members
 * whose user it cannot find in the organization; the simulator knows no users, so every member is dropped
 * with this warning.
 */
export function unknownMemberWarnings(spec: JsonObject, organizationId: string): string[] {
  return objectItems(spec, 'members').map(
    (member) =>
      `member [${stringMember(member, 'sourceId') ?? ''}] of source [${stringMember(member, 'source') ?? ''}] could not be found in organization [${organizationId}]`,
  );
}
