package org.cartable.directoryimport.internal.format;

import java.util.List;

/**
 * One guardian as a format read it, with the external ids of the children it is read with.
 *
 * @param externalId   the source's id of the guardian, or null
 * @param relationship MOTHER, FATHER or GUARDIAN
 */
public record GuardianRecord(LineRef line, String externalId, String firstName, String lastName,
                             String relationship, String email, String phone, List<String> pupilIds) {
}
