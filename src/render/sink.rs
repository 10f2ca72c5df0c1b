//! Where rendered bytes go: into memory (the preview server, the archive's copy of a
//! published version, tests) or straight into the staging folders of the site's writer
//! (`build`, `publish`, `watch`: the one way outputs reach the disk), without holding
//! the whole site.
//!
//! Pages are written as chunks of shared bytes: in memory a page that lists every
//! record is a list of the records' fragments, assembled without copying them.

use std::fs;
use std::io::{self, BufWriter, Read, Seek, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use bytes::Bytes;

use super::theme::Target;
use crate::diagnostic::Diagnostic;
use crate::write::{self, SiteWriter, write_error};

/// A file as its chunks, in order.
pub type Chunks = Vec<Bytes>;

/// A file being written chunk by chunk.
pub trait Output: Send {
    fn put(&mut self, chunk: Bytes) -> Result<(), Diagnostic>;
    fn finish(self: Box<Self>) -> Result<(), Diagnostic>;
}

/// Chunks set aside for later in a file (a slot not yet reached).
pub trait Spool: Send {
    fn put(&mut self, chunk: Bytes) -> Result<(), Diagnostic>;
    fn drain_into(self: Box<Self>, out: &mut dyn Output) -> Result<(), Diagnostic>;
}

/// A destination for the files of a build.
pub trait Sink: Sync {
    /// A whole file (called from many threads at once).
    fn file(&self, target: Target, path: &str, bytes: Bytes) -> Result<(), Diagnostic>;
    /// A file written in chunks.
    fn stream(&self, target: Target, path: &str) -> Result<Box<dyn Output>, Diagnostic>;
    /// A place for chunks that come before their turn.
    fn spool(&self) -> Result<Box<dyn Spool>, Diagnostic>;
}

/// Files by their path in their folder.
pub type ChunkedFiles = foldhash::HashMap<String, Chunks>;

type Store = Arc<Mutex<ChunkedFiles>>;

/// Collects the files in memory, as chunks.
#[derive(Default)]
pub struct MemorySink {
    public: Store,
    internal: Store,
}

impl MemorySink {
    fn store(&self, target: Target) -> &Store {
        match target {
            Target::Public => &self.public,
            Target::Internal => &self.internal,
        }
    }

    /// The public and the internal files.
    pub fn into_chunks(self) -> (ChunkedFiles, ChunkedFiles) {
        let take = |m: Store| {
            Arc::try_unwrap(m)
                .map(|m| m.into_inner().expect("not poisoned"))
                .unwrap_or_else(|m| m.lock().expect("not poisoned").clone())
        };
        (take(self.public), take(self.internal))
    }
}

struct MemoryOutput {
    path: String,
    chunks: Chunks,
    dest: Store,
}

impl Output for MemoryOutput {
    fn put(&mut self, chunk: Bytes) -> Result<(), Diagnostic> {
        if !chunk.is_empty() {
            self.chunks.push(chunk);
        }
        Ok(())
    }

    fn finish(self: Box<Self>) -> Result<(), Diagnostic> {
        let this = *self;
        this.dest
            .lock()
            .expect("not poisoned")
            .insert(this.path, this.chunks);
        Ok(())
    }
}

#[derive(Default)]
struct MemorySpool(Chunks);

impl Spool for MemorySpool {
    fn put(&mut self, chunk: Bytes) -> Result<(), Diagnostic> {
        self.0.push(chunk);
        Ok(())
    }

    fn drain_into(self: Box<Self>, out: &mut dyn Output) -> Result<(), Diagnostic> {
        for chunk in self.0 {
            out.put(chunk)?;
        }
        Ok(())
    }
}

impl Sink for MemorySink {
    fn file(&self, target: Target, path: &str, bytes: Bytes) -> Result<(), Diagnostic> {
        crate::progress::page_written();
        self.store(target)
            .lock()
            .expect("not poisoned")
            .insert(path.to_string(), vec![bytes]);
        Ok(())
    }

    fn stream(&self, target: Target, path: &str) -> Result<Box<dyn Output>, Diagnostic> {
        crate::progress::page_written();
        Ok(Box::new(MemoryOutput {
            path: path.to_string(),
            chunks: Vec::new(),
            dest: Arc::clone(self.store(target)),
        }))
    }

    fn spool(&self) -> Result<Box<dyn Spool>, Diagnostic> {
        Ok(Box::<MemorySpool>::default())
    }
}

/// Writes straight into the two output folders the site's writer stages; the writer's
/// commit then swaps them in.
pub struct DiskSink {
    public: PathBuf,
    internal: PathBuf,
    /// Files written, per target.
    written: Mutex<(usize, usize)>,
}

impl DiskSink {
    /// New, empty staging folders of `writer` for both outputs.
    pub fn staging(writer: &SiteWriter) -> Result<Self, Diagnostic> {
        Ok(DiskSink {
            public: writer.staging(write::PUBLIC_STAGE)?,
            internal: writer.staging(write::INTERNAL_STAGE)?,
            written: Mutex::new((0, 0)),
        })
    }

    fn path(&self, target: Target, rel: &str) -> Result<PathBuf, Diagnostic> {
        let dir = match target {
            Target::Public => &self.public,
            Target::Internal => &self.internal,
        };
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(|e| write_error(parent, &e))?;
        }
        let mut w = self.written.lock().expect("not poisoned");
        match target {
            Target::Public => w.0 += 1,
            Target::Internal => w.1 += 1,
        }
        Ok(path)
    }

    /// Files written to the public and the internal folder.
    pub fn counts(&self) -> (usize, usize) {
        *self.written.lock().expect("not poisoned")
    }
}

struct DiskOutput {
    path: PathBuf,
    file: BufWriter<fs::File>,
}

impl Output for DiskOutput {
    fn put(&mut self, chunk: Bytes) -> Result<(), Diagnostic> {
        self.file
            .write_all(&chunk)
            .map_err(|e| write_error(&self.path, &e))
    }

    fn finish(mut self: Box<Self>) -> Result<(), Diagnostic> {
        self.file.flush().map_err(|e| write_error(&self.path, &e))
    }
}

/// Chunks waiting their turn in an unnamed temporary file: a large register is never
/// held in memory whole.
struct DiskSpool {
    file: BufWriter<fs::File>,
}

impl Spool for DiskSpool {
    fn put(&mut self, chunk: Bytes) -> Result<(), Diagnostic> {
        self.file
            .write_all(&chunk)
            .map_err(|e| write_error(Path::new("(berkas sementara)"), &e))
    }

    fn drain_into(self: Box<Self>, out: &mut dyn Output) -> Result<(), Diagnostic> {
        let err = |e: io::Error| write_error(Path::new("(berkas sementara)"), &e);
        let mut file = self.file.into_inner().map_err(|e| err(e.into_error()))?;
        file.rewind().map_err(err)?;
        let mut buf = vec![0; 1 << 20];
        loop {
            let n = file.read(&mut buf).map_err(err)?;
            if n == 0 {
                return Ok(());
            }
            out.put(Bytes::copy_from_slice(&buf[..n]))?;
        }
    }
}

impl Sink for DiskSink {
    fn file(&self, target: Target, rel: &str, bytes: Bytes) -> Result<(), Diagnostic> {
        crate::progress::page_written();
        let path = self.path(target, rel)?;
        fs::write(&path, bytes).map_err(|e| write_error(&path, &e))?;
        crate::write::fault::point("staging");
        Ok(())
    }

    fn stream(&self, target: Target, rel: &str) -> Result<Box<dyn Output>, Diagnostic> {
        crate::progress::page_written();
        let path = self.path(target, rel)?;
        let file = fs::File::create(&path).map_err(|e| write_error(&path, &e))?;
        Ok(Box::new(DiskOutput {
            file: BufWriter::with_capacity(1 << 16, file),
            path,
        }))
    }

    fn spool(&self) -> Result<Box<dyn Spool>, Diagnostic> {
        let file =
            tempfile::tempfile_in(&self.internal).map_err(|e| write_error(&self.internal, &e))?;
        Ok(Box::new(DiskSpool {
            file: BufWriter::with_capacity(1 << 16, file),
        }))
    }
}

/// The bytes of a file made of chunks.
pub fn concat(chunks: &[Bytes]) -> Vec<u8> {
    let mut out = Vec::with_capacity(chunks.iter().map(Bytes::len).sum());
    for c in chunks {
        out.extend_from_slice(c);
    }
    out
}
