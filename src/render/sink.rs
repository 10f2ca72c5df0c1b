//! Where rendered bytes go: into memory (the preview server, publishing, tests) or
//! straight into staging folders on disk (a build), without holding the whole site.

use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use super::Files;
use super::theme::Target;
use crate::diagnostic::Diagnostic;
use crate::write::write_error;

/// A file being written piece by piece.
pub trait Output: Write + Send {
    fn finish(self: Box<Self>) -> Result<(), Diagnostic>;
}

/// A destination for the files of a build.
pub trait Sink: Sync {
    /// A whole file (called from many threads at once).
    fn file(&self, target: Target, path: &str, bytes: Vec<u8>) -> Result<(), Diagnostic>;
    /// A file written in pieces.
    fn stream(&self, target: Target, path: &str) -> Result<Box<dyn Output>, Diagnostic>;
}

/// Collects the files in memory.
#[derive(Default)]
pub struct MemorySink {
    public: Arc<Mutex<Files>>,
    internal: Arc<Mutex<Files>>,
}

impl MemorySink {
    fn files(&self, target: Target) -> &Arc<Mutex<Files>> {
        match target {
            Target::Public => &self.public,
            Target::Internal => &self.internal,
        }
    }

    pub fn into_files(self) -> (Files, Files) {
        let take = |m: Arc<Mutex<Files>>| {
            Arc::try_unwrap(m)
                .map(|m| m.into_inner().expect("not poisoned"))
                .unwrap_or_else(|m| m.lock().expect("not poisoned").clone())
        };
        (take(self.public), take(self.internal))
    }
}

struct MemoryOutput {
    path: String,
    buf: Vec<u8>,
    dest: Arc<Mutex<Files>>,
}

impl Write for MemoryOutput {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.buf.extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl Output for MemoryOutput {
    fn finish(self: Box<Self>) -> Result<(), Diagnostic> {
        let this = *self;
        this.dest
            .lock()
            .expect("not poisoned")
            .insert(this.path, this.buf);
        Ok(())
    }
}

impl Sink for MemorySink {
    fn file(&self, target: Target, path: &str, bytes: Vec<u8>) -> Result<(), Diagnostic> {
        self.files(target)
            .lock()
            .expect("not poisoned")
            .insert(path.to_string(), bytes);
        Ok(())
    }

    fn stream(&self, target: Target, path: &str) -> Result<Box<dyn Output>, Diagnostic> {
        Ok(Box::new(MemoryOutput {
            path: path.to_string(),
            buf: Vec::new(),
            dest: Arc::clone(self.files(target)),
        }))
    }
}

/// Writes straight into two folders (the staging folders of a build).
pub struct DiskSink {
    pub public: PathBuf,
    pub internal: PathBuf,
    /// Files written, per target.
    written: Mutex<(usize, usize)>,
}

impl DiskSink {
    pub fn new(public: PathBuf, internal: PathBuf) -> Self {
        DiskSink {
            public,
            internal,
            written: Mutex::new((0, 0)),
        }
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

impl Write for DiskOutput {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.file.write(buf)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.file.flush()
    }
}

impl Output for DiskOutput {
    fn finish(mut self: Box<Self>) -> Result<(), Diagnostic> {
        self.file.flush().map_err(|e| write_error(&self.path, &e))
    }
}

impl Sink for DiskSink {
    fn file(&self, target: Target, rel: &str, bytes: Vec<u8>) -> Result<(), Diagnostic> {
        let path = self.path(target, rel)?;
        fs::write(&path, bytes).map_err(|e| write_error(&path, &e))
    }

    fn stream(&self, target: Target, rel: &str) -> Result<Box<dyn Output>, Diagnostic> {
        let path = self.path(target, rel)?;
        let file = fs::File::create(&path).map_err(|e| write_error(&path, &e))?;
        Ok(Box::new(DiskOutput {
            file: BufWriter::with_capacity(1 << 16, file),
            path,
        }))
    }
}

/// An io error while streaming, as a diagnostic naming the file.
pub fn io_error(path: &str, e: io::Error) -> Diagnostic {
    write_error(Path::new(path), &e)
}
