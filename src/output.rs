//! Stage 5, **output**: all or nothing, and only what changed.
//!
//! Each document is compared with the file already there: identical bytes are
//! left alone (the file keeps its mtime). Otherwise the new bytes are *staged*
//! as a temporary file beside the target; [`commit`] renames every staged file
//! into place only after every document of the run was made. A run that fails
//! drops its staged files (they delete themselves) and leaves the output as it
//! was; a reader never sees half a file.

use std::io::Write;
use std::path::{Path, PathBuf};

/// What a run does to one output file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Change {
    New,
    Changed,
    Unchanged,
}

impl Change {
    pub fn word(self) -> &'static str {
        match self {
            Change::New => "new",
            Change::Changed => "changed",
            Change::Unchanged => "unchanged",
        }
    }
}

/// A file ready to be committed (or, for a dry run, only judged).
#[derive(Debug)]
pub struct Staged {
    pub path: PathBuf,
    pub change: Change,
    temp: Option<tempfile::TempPath>,
}

/// Compares `bytes` with what `path` holds and, unless `dry_run` or nothing
/// changed, stages them in a temporary file beside it.
pub fn stage(path: &Path, bytes: &[u8], dry_run: bool) -> std::io::Result<Staged> {
    let change = match std::fs::File::open(path) {
        Ok(old) if holds(&old, bytes) => Change::Unchanged,
        Ok(_) => Change::Changed,
        Err(_) => Change::New,
    };
    if dry_run || change == Change::Unchanged {
        return Ok(Staged { path: path.to_path_buf(), change, temp: None });
    }
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let mut tmp = tempfile::Builder::new().prefix(".beantwoord-").tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    // A temporary file is private (0600); a document is as readable as any file.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        tmp.as_file().set_permissions(std::fs::Permissions::from_mode(0o644))?;
    }
    tmp.as_file().sync_all()?;
    Ok(Staged { path: path.to_path_buf(), change, temp: Some(tmp.into_temp_path()) })
}

/// Whether `file` holds exactly `bytes`; read in blocks, so that comparing a
/// large document does not hold a second copy of it.
fn holds(file: &std::fs::File, bytes: &[u8]) -> bool {
    use std::io::Read;
    if file.metadata().map(|m| m.len()).ok() != Some(bytes.len() as u64) {
        return false;
    }
    let mut reader = file;
    let mut block = vec![0u8; 1 << 16];
    let mut rest = bytes;
    loop {
        match reader.read(&mut block) {
            Ok(0) => return rest.is_empty(),
            Ok(n) if n <= rest.len() && block[..n] == rest[..n] => rest = &rest[n..],
            Ok(_) | Err(_) => return false,
        }
    }
}

/// Renames every staged file into place.
pub fn commit(staged: Vec<Staged>) -> std::io::Result<()> {
    for s in staged {
        if let Some(temp) = s.temp {
            temp.persist(&s.path).map_err(|e| e.error)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Stages and commits one file, as a build does.
    fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<Change> {
        let staged = stage(path, bytes, false)?;
        let change = staged.change;
        commit(vec![staged])?;
        Ok(change)
    }

    #[test]
    fn writes_replace_whole_files_and_leave_no_temporaries() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a/b/antwoord.md");
        assert_eq!(write_atomic(&path, b"eerste").unwrap(), Change::New);
        assert_eq!(write_atomic(&path, b"tweede").unwrap(), Change::Changed);
        assert_eq!(std::fs::read(&path).unwrap(), b"tweede");
        assert_eq!(std::fs::read_dir(path.parent().unwrap()).unwrap().count(), 1);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o644);
        }
    }

    #[test]
    fn unchanged_files_are_not_touched_and_dropped_stages_vanish() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.md");
        write_atomic(&path, b"zelfde").unwrap();
        let before = std::fs::metadata(&path).unwrap().modified().unwrap();
        std::thread::sleep(std::time::Duration::from_millis(20));
        assert_eq!(write_atomic(&path, b"zelfde").unwrap(), Change::Unchanged);
        assert_eq!(std::fs::metadata(&path).unwrap().modified().unwrap(), before);
        let staged = stage(&path, b"anders", false).unwrap();
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
        drop(staged);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
        assert_eq!(std::fs::read(&path).unwrap(), b"zelfde");
        let dry = stage(&path, b"anders", true).unwrap();
        assert_eq!(dry.change, Change::Changed);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn large_files_are_compared_to_the_last_byte() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("groot.pdf");
        let mut big: Vec<u8> = (0..300_000u32).map(|i| (i % 251) as u8).collect();
        assert_eq!(write_atomic(&path, &big).unwrap(), Change::New);
        assert_eq!(stage(&path, &big, true).unwrap().change, Change::Unchanged);
        big[299_999] ^= 1;
        assert_eq!(stage(&path, &big, true).unwrap().change, Change::Changed);
        big[299_999] ^= 1;
        big[70_000] ^= 1;
        assert_eq!(stage(&path, &big, true).unwrap().change, Change::Changed);
        assert_eq!(stage(&path, &big[..299_999], true).unwrap().change, Change::Changed);
    }
}
