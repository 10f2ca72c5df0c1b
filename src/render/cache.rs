//! Records' rendered outputs kept from one build to the next (the preview and `watch`):
//! a record whose file has the same bytes is not rendered again. Whoever keeps the
//! cache clears it when anything all records depend on changes (the configuration, the
//! decisions, the theme, the date, the published versions).

use std::sync::{Arc, Mutex};

use super::fragments::{RecordOutputs, RecordPages};
use crate::record::Record;

#[derive(Default)]
pub struct RecordCache {
    kept: Mutex<foldhash::HashMap<String, Entry>>,
}

/// A record's pages and its share of the pages that list every record.
pub(super) type Kept = (RecordPages, Arc<RecordOutputs>);

struct Entry {
    /// The SHA-256 of the file the outputs were rendered from.
    sha256: String,
    pages: RecordPages,
    outputs: Arc<RecordOutputs>,
}

impl RecordCache {
    /// Forgets every record's outputs: the next build renders them all.
    pub fn clear(&self) {
        self.kept.lock().expect("not poisoned").clear();
    }

    /// The outputs kept for each of `records`, if rendered from the same bytes.
    pub(super) fn get_all(&self, records: &[Arc<Record>]) -> Vec<Option<Kept>> {
        let kept = self.kept.lock().expect("not poisoned");
        records
            .iter()
            .map(|r| {
                kept.get(&r.path)
                    .filter(|k| k.sha256 == r.sha256)
                    .map(|k| (k.pages.clone(), Arc::clone(&k.outputs)))
            })
            .collect()
    }

    /// Keeps what `r` was rendered to.
    pub(super) fn keep(&self, r: &Record, (pages, outputs): Kept) {
        self.kept.lock().expect("not poisoned").insert(
            r.path.clone(),
            Entry {
                sha256: r.sha256.clone(),
                pages,
                outputs,
            },
        );
    }

    /// Forgets the records that are no longer in the site.
    pub(super) fn keep_only<'r>(&self, records: impl IntoIterator<Item = &'r Record>) {
        let present: std::collections::HashSet<&str> =
            records.into_iter().map(|r| r.path.as_str()).collect();
        self.kept
            .lock()
            .expect("not poisoned")
            .retain(|path, _| present.contains(path.as_str()));
    }
}
