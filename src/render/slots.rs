//! A page written from its skeleton as its rows come: the rows of the slot being written
//! go straight out, rows for a later slot wait in a spool until their slot comes.

use std::collections::HashMap;

use bytes::Bytes;

use super::sink::{Output, Sink, Spool};
use super::skeleton::{Row, Skeleton};
use super::theme::Target;
use crate::diagnostic::Diagnostic;

/// A page being written from its skeleton: the rows of the slot being written go
/// straight out; rows for a later slot wait in a spool.
pub struct SlotWriter {
    skeleton: Skeleton,
    out: Box<dyn Output>,
    next: usize,
    current: Option<String>,
    waiting: HashMap<String, Box<dyn Spool>>,
}

impl SlotWriter {
    pub fn open(
        sink: &dyn Sink,
        target: Target,
        name: &str,
        skeleton: Skeleton,
    ) -> Result<Self, Diagnostic> {
        let mut out = sink.stream(target, name)?;
        let (current, next) = match skeleton.write_to_next_slot(0, out.as_mut())? {
            Some((slot, next)) => (Some(slot), next),
            None => (None, usize::MAX),
        };
        Ok(SlotWriter {
            skeleton,
            out,
            next,
            current,
            waiting: HashMap::new(),
        })
    }

    fn spool(&mut self, sink: &dyn Sink, slot: &str) -> Result<&mut Box<dyn Spool>, Diagnostic> {
        if !self.waiting.contains_key(slot) {
            self.waiting.insert(slot.to_string(), sink.spool()?);
        }
        Ok(self.waiting.get_mut(slot).expect("inserted"))
    }

    pub fn put(&mut self, sink: &dyn Sink, slot: &str, chunk: Bytes) -> Result<(), Diagnostic> {
        if self.current.as_deref() == Some(slot) {
            self.out.put(chunk)
        } else {
            self.spool(sink, slot)?.put(chunk)
        }
    }

    pub fn row(
        &mut self,
        sink: &dyn Sink,
        slot: &str,
        row: &Row,
        number: &Bytes,
    ) -> Result<(), Diagnostic> {
        if self.current.as_deref() == Some(slot) {
            return row.put(number, self.out.as_mut());
        }
        let mut collected = Collect::default();
        row.put(number, &mut collected)?;
        let spool = self.spool(sink, slot)?;
        for chunk in collected.0 {
            spool.put(chunk)?;
        }
        Ok(())
    }

    /// Ends `slot` when it is the one being written (all its rows are in): the page is
    /// written on to its next slot, with the rows that waited for that one, so the rows
    /// that come next go straight out.
    pub fn end_slot(&mut self, slot: &str) -> Result<(), Diagnostic> {
        if self.current.as_deref() != Some(slot) {
            return Ok(());
        }
        match self
            .skeleton
            .write_to_next_slot(self.next, self.out.as_mut())?
        {
            Some((slot, next)) => {
                if let Some(spool) = self.waiting.remove(&slot) {
                    spool.drain_into(self.out.as_mut())?;
                }
                self.current = Some(slot);
                self.next = next;
            }
            None => {
                self.current = None;
                self.next = usize::MAX;
            }
        }
        Ok(())
    }

    pub fn finish(mut self) -> Result<(), Diagnostic> {
        while self.next != usize::MAX {
            match self
                .skeleton
                .write_to_next_slot(self.next, self.out.as_mut())?
            {
                Some((slot, next)) => {
                    if let Some(spool) = self.waiting.remove(&slot) {
                        spool.drain_into(self.out.as_mut())?;
                    }
                    self.next = next;
                }
                None => self.next = usize::MAX,
            }
        }
        self.out.finish()
    }
}

/// Chunks gathered in memory (a row on its way to a spool).
#[derive(Default)]
struct Collect(Vec<Bytes>);

impl Output for Collect {
    fn put(&mut self, chunk: Bytes) -> Result<(), Diagnostic> {
        self.0.push(chunk);
        Ok(())
    }
    fn finish(self: Box<Self>) -> Result<(), Diagnostic> {
        Ok(())
    }
}
