package org.cartable.core.internal.audit;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

import javax.persistence.TypedQuery;

import org.apache.aries.jpa.template.JpaTemplate;
import org.cartable.api.Caller;
import org.cartable.api.CartableException;
import org.cartable.api.Role;
import org.cartable.api.audit.AuditEvent;
import org.cartable.api.audit.AuditLog;
import org.cartable.core.internal.model.AuditEntry;
import org.cartable.core.internal.schema.CoreSchema;
import org.cartable.core.service.AuditTrail;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit log in core's database. Writing joins the caller's transaction (Required), so an event rolled back with
 * its write leaves no entry. There is no update or delete here, and the schema refuses them as well.
 */
@Component(service = {AuditLog.class, AuditTrail.class})
public final class CoreAuditLog implements AuditLog, AuditTrail {

    private static final Logger LOG = LoggerFactory.getLogger(CoreAuditLog.class);

    static final int DETAIL_MAX = 1000;

    private final JpaTemplate jpa;
    private final Clock clock;

    @Activate
    public CoreAuditLog(@Reference CoreSchema schema, @Reference(target = CoreSchema.UNIT_FILTER) JpaTemplate jpa) {
        this(jpa, Clock.systemUTC());
    }

    private CoreAuditLog(JpaTemplate jpa, Clock clock) {
        this.jpa = jpa;
        this.clock = clock;
    }

    /** Outside OSGi (tests, tools), on a migrated schema. */
    public static CoreAuditLog create(JpaTemplate jpa, Clock clock) {
        return new CoreAuditLog(jpa, clock);
    }

    @Override
    public void record(AuditEvent event) {
        AuditEntry entry = new AuditEntry(clock.instant(), event.type(), cut(event.actorId(), 36),
                cut(event.actorLogin(), 100), cut(event.target(), 255), cut(event.detail(), DETAIL_MAX),
                cut(event.address(), 64));
        jpa.tx(em -> em.persist(entry));
        // Also in the Karaf log, where log shipping (SIEM) picks it up; never anything secret in an event.
        LOG.info("audit {} actor={} target={} detail={} address={}", entry.getType(), entry.getActorLogin(),
                entry.getTarget(), entry.getDetail(), entry.getAddress());
    }

    @Override
    public Page read(Caller caller, Query query) {
        if (caller == null || !(caller.has(Role.OPERATOR) || caller.has(Role.PLATFORM_ADMIN))) {
            throw CartableException.forbidden("Only operators and platform administrators read the audit log.");
        }
        if (query.limit() < 1 || query.limit() > MAX_LIMIT) {
            throw CartableException.badRequest("limit must be between 1 and " + MAX_LIMIT + ".");
        }
        if (query.from() != null && query.to() != null && query.from().isAfter(query.to())) {
            throw CartableException.badRequest("'from' must not be after 'to'.");
        }
        StringBuilder jpql = new StringBuilder("select e from AuditEntry e where 1 = 1");
        return jpa.txExpr(em -> {
            if (query.from() != null) {
                jpql.append(" and e.at >= :from");
            }
            if (query.to() != null) {
                jpql.append(" and e.at < :to");
            }
            String type = blankToNull(query.type());
            if (type != null) {
                // A prefix ending with a dot: "login." for every sign-in event ('_' in a type only widens the match).
                jpql.append(type.endsWith(".") ? " and e.type like :type" : " and e.type = :type");
            }
            String actor = blankToNull(query.actor());
            if (actor != null) {
                jpql.append(" and (lower(e.actorLogin) = :actor or e.actorId = :actorId)");
            }
            if (query.before() != null) {
                jpql.append(" and e.seq < :before");
            }
            jpql.append(" order by e.seq desc");
            TypedQuery<AuditEntry> q = em.createQuery(jpql.toString(), AuditEntry.class);
            if (query.from() != null) {
                q.setParameter("from", query.from());
            }
            if (query.to() != null) {
                q.setParameter("to", query.to());
            }
            if (type != null) {
                q.setParameter("type", type.endsWith(".") ? type + "%" : type);
            }
            if (actor != null) {
                q.setParameter("actor", actor.toLowerCase(Locale.ROOT)).setParameter("actorId", actor);
            }
            if (query.before() != null) {
                q.setParameter("before", query.before());
            }
            // One more than asked tells whether there is a next page.
            List<AuditEntry> found = q.setMaxResults(query.limit() + 1).getResultList();
            boolean more = found.size() > query.limit();
            List<Entry> entries = found.stream().limit(query.limit())
                    .map(e -> new Entry(e.getSeq(), e.getAt(), e.getType(), e.getActorId(), e.getActorLogin(),
                            e.getTarget(), e.getDetail(), e.getAddress()))
                    .toList();
            return new Page(entries, more ? entries.get(entries.size() - 1).seq() : null);
        });
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** Keeps entries within their columns and on one line each (log forging through a login typed with newlines). */
    static String cut(String value, int max) {
        if (value == null) {
            return null;
        }
        String oneLine = value.replaceAll("[\\p{Cntrl}]", " ");
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max - 1) + "…";
    }
}
