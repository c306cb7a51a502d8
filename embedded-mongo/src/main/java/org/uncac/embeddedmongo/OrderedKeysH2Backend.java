package org.uncac.embeddedmongo;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ObjectDataType;

import java.util.List;

/**
 * mongo-java-server's H2 backend with one change: index keys are compared as values, not as bytes.
 *
 * <p>The library keeps each unique index in an H2 {@link MVMap} keyed by {@link KeyValue}. H2 does not know that
 * class, so every comparison during a B-tree search Java-serialises both keys and compares the bytes: a profile of
 * 190 simultaneous responses showed 72% of the server's time in {@code ObjectOutputStream}. Here the index maps are
 * opened first with {@link KeyValueType}, which compares the values themselves and stores them exactly as before.
 * The B-tree order differs from the library's, so a file written by the plain backend must not be opened with this
 * one: {@link EmbeddedMongoServer} uses a file name of its own.
 */
final class OrderedKeysH2Backend extends H2Backend {

    OrderedKeysH2Backend(String fileName) {
        super(fileName);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName);
    }

    /** Inner, so that its outer backend (and its store) is there while the superclass opens existing indexes. */
    private final class Database extends H2Database {

        Database(String name) {
            super(name, getMvStore(), getCursorRegistry());
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                        boolean sparse) {
            // the same map name as the library's; MVStore hands the already open map back to the library
            MVStore store = getMvStore();
            store.openMap(getFullCollectionNamespace(collectionName) + "._index_" + indexName,
                    new MVMap.Builder<KeyValue, Object>().keyType(new KeyValueType()));
            return super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
        }
    }

    /**
     * Stores keys as H2's {@link ObjectDataType} does (so the bytes on disk are the library's) and orders two
     * {@link KeyValue}s value by value: values of one comparable class by their natural order, values of different
     * classes by class name, anything else by its serialised form (the library's order). Zero exactly when the keys
     * are equal, which is what a unique index needs.
     */
    static final class KeyValueType extends ObjectDataType {

        @Override
        public int compare(Object a, Object b) {
            if (a instanceof KeyValue && b instanceof KeyValue) {
                return compareKeys((KeyValue) a, (KeyValue) b);
            }
            return super.compare(a, b);
        }

        static int compareKeys(KeyValue a, KeyValue b) {
            int common = Math.min(a.size(), b.size());
            for (int i = 0; i < common; i++) {
                int c = compareValues(a.get(i), b.get(i));
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(a.size(), b.size());
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        static int compareValues(Object a, Object b) {
            if (a == b) {
                return 0;
            }
            if (a == null || b == null) {
                return a == null ? -1 : 1;
            }
            if (a.getClass() != b.getClass()) {
                return a.getClass().getName().compareTo(b.getClass().getName());
            }
            if (a instanceof Comparable) {
                return ((Comparable) a).compareTo(b);
            }
            if (a.equals(b)) {
                return 0;
            }
            return compareNotNull(serialize(a), serialize(b));
        }
    }
}
