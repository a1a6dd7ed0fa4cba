package dev.saleskernel.internal.persistence;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.saleskernel.internal.json.SafeJson;
import dev.saleskernel.persistence.spi.IndexValue;
import dev.saleskernel.persistence.spi.RecordKey;
import dev.saleskernel.persistence.spi.RecordStore;
import dev.saleskernel.persistence.spi.Write;
import dev.saleskernel.shared.ActorId;
import dev.saleskernel.shared.CommandId;
import dev.saleskernel.shared.TenantId;
import java.time.Instant;
import java.util.Map;

/**
 * One small record per executed command ({@code command-receipt/<commandId>}), written in the same
 * commit as the state the command produced. Its presence makes a replayed command a no-op before
 * anything is decided again; its create-if-absent write makes two racing copies of one command
 * commit at most once. Receipts carry an {@code executedAt} index, so a host may purge old ones.
 */
public final class CommandReceipts {
    public static final String RECORD_TYPE = "command-receipt";

    record ReceiptDocument(@JsonProperty("action") String action,
                           @JsonProperty("subjectType") String subjectType,
                           @JsonProperty("subjectId") String subjectId,
                           @JsonProperty("actor") String actor,
                           @JsonProperty("executedAt") String executedAt) {
    }

    private final RecordStore store;
    private final SafeJson json;

    public CommandReceipts(RecordStore store, SafeJson json) {
        this.store = store;
        this.json = json;
    }

    /** The action and subject a command ran on. */
    public record Receipt(String action, String subjectType, String subjectId) {
    }

    /** The receipt of a command that already ran in this tenant, if any. */
    public java.util.Optional<Receipt> find(TenantId tenant, CommandId commandId) {
        return store.load(keyOf(tenant, commandId)).map(record -> json.parse(RECORD_TYPE, record.json())
                .flatMap(node -> json.read(RECORD_TYPE, node, ReceiptDocument.class))
                .map(document -> new Receipt(document.action(), document.subjectType(), document.subjectId()))
                .getOrElseThrow(rejected -> new CorruptRecordException(RECORD_TYPE + ": " + rejected)));
    }

    /** The create-if-absent write of the receipt for a command on a subject. */
    public Write writeOf(TenantId tenant, CommandId commandId, String action, ActorId actor, RecordKey subject, Instant at) {
        return Write.create(keyOf(tenant, commandId), 1,
                json.write(new ReceiptDocument(action, subject.recordType(), subject.recordId(), actor.value(), at.toString())),
                Map.of("executedAt", IndexValue.moment(at)));
    }

    private static RecordKey keyOf(TenantId tenant, CommandId commandId) {
        return new RecordKey(tenant.value(), RECORD_TYPE, commandId.value());
    }
}
