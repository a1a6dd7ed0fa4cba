package dev.saleskernel.internal.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.saleskernel.internal.json.SafeJson;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The upcaster chain, on a codec whose schema went v1 → v2 (field renamed) → v3 (field added). */
class DocumentCodecUpcastingTest {
    record Contact(String fullName, String email) {
    }

    record ContactV3(@JsonProperty("fullName") String fullName, @JsonProperty("email") String email) {
    }

    static final Upcaster RENAME_NAME_TO_FULL_NAME = new Upcaster() {
        @Override
        public int fromVersion() {
            return 1;
        }

        @Override
        public ObjectNode upcast(ObjectNode document) {
            document.set("fullName", document.remove("name"));
            return document;
        }
    };

    static final Upcaster ADD_EMPTY_EMAIL = new Upcaster() {
        @Override
        public int fromVersion() {
            return 2;
        }

        @Override
        public ObjectNode upcast(ObjectNode document) {
            document.put("email", "");
            return document;
        }
    };

    static final class ContactCodec extends DocumentCodec<Contact, ContactV3> {
        ContactCodec(List<Upcaster> upcasters) {
            super(SafeJson.withDefaultLimits(), "contact", 3, ContactV3.class, upcasters);
        }

        @Override
        public String recordId(Contact aggregate) {
            return aggregate.email();
        }

        @Override
        protected ContactV3 toDocument(Contact aggregate) {
            return new ContactV3(aggregate.fullName(), aggregate.email());
        }

        @Override
        protected Contact fromDocument(ContactV3 document) {
            return new Contact(document.fullName(), document.email());
        }
    }

    private final ContactCodec codec = new ContactCodec(List.of(ADD_EMPTY_EMAIL, RENAME_NAME_TO_FULL_NAME));

    @Test
    void a_version_1_document_passes_through_every_upcaster_in_order() {
        assertThat(codec.decode(1, "{\"name\":\"Li Wei\"}")).isEqualTo(new Contact("Li Wei", ""));
    }

    @Test
    void a_version_2_document_passes_through_the_later_upcasters_only() {
        assertThat(codec.decode(2, "{\"fullName\":\"Li Wei\"}")).isEqualTo(new Contact("Li Wei", ""));
    }

    @Test
    void a_current_document_is_read_as_is() {
        assertThat(codec.decode(3, "{\"fullName\":\"Li Wei\",\"email\":\"li@example.cn\"}"))
                .isEqualTo(new Contact("Li Wei", "li@example.cn"));
    }

    @Test
    void a_codec_missing_an_upcaster_in_its_chain_cannot_be_built() {
        assertThatThrownBy(() -> new ContactCodec(List.of(RENAME_NAME_TO_FULL_NAME)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no upcaster from version 2");
    }
}
