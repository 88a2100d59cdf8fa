package org.cartable.api.privacy;

import java.io.IOException;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * An app's part of the personal-data contract. The platform calls {@link #export} when a person downloads their data
 * (a ZIP holding one folder per app) and {@link #erase} when it purges an account that left the directory.
 * <p>
 * Both run without a caller: the platform has already decided who may export and whom to purge.
 */
@ConsumerType
public interface PersonalData {

    /** @return the app whose data this is ({@code CartableApp#id()}); it names the app's folder in the ZIP */
    String appId();

    /**
     * Writes what the app holds about the person: what they wrote, ticked, uploaded, and what was addressed to them.
     * Writes nothing when the app holds nothing about them.
     */
    void export(String personId, PersonalDataSink sink) throws IOException;

    /**
     * Removes the person from the app, for good. Their private data (acknowledgements, ticks, their own documents,
     * preferences) is deleted; content that belongs to a class or that others answered stays, with its author
     * replaced by {@link FormerUser#ID}. Must be idempotent: after a failure the platform calls it again at its next
     * run, possibly after a partial erase.
     */
    void erase(String personId);
}
