//! The fuzz targets' seed corpus (`fuzz/seeds/`) through the same readers
//! as the targets in `fuzz/fuzz_targets/`: no input may panic. Inputs the
//! fuzzer found crashing are added to the seeds, so this test keeps them
//! fixed without cargo-fuzz (see fuzz/README.md).

use std::path::{Path, PathBuf};

use lineup::mdgp::{check, read_instance, read_solution};
use lineup::{InputFormat, read_baseline, read_lineup, read_municipalities};

use crate::util::municipalities;

fn seeds(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/seeds")
        .join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert!(files.len() >= 3, "{}: a few seeds at least", dir.display());
    files
        .into_iter()
        .map(|p| {
            let bytes = std::fs::read(&p).unwrap();
            assert!(bytes.len() <= 16 * 1024, "{}: seeds stay small", p.display());
            (p, bytes)
        })
        .collect()
}

#[test]
fn table_seeds_read_or_fail_without_panic() {
    let mut read = 0;
    for (path, bytes) in seeds("table") {
        let detected = read_municipalities(bytes.as_slice(), None);
        read += usize::from(detected.is_ok());
        for format in [InputFormat::Csv, InputFormat::Json, InputFormat::Xlsx] {
            let _ = read_municipalities(bytes.as_slice(), Some(format));
        }
        if path.file_name().unwrap().to_string_lossy().starts_with("bad-") {
            assert!(detected.is_err(), "{} is bad input", path.display());
        }
    }
    assert!(read >= 3, "the good seeds read");
}

#[test]
fn lineup_seeds_read_or_fail_without_panic() {
    let towns = municipalities("kfa-18.csv");
    let mut read = 0;
    for (_, bytes) in seeds("lineup") {
        read += usize::from(read_lineup(bytes.as_slice(), &towns).is_ok());
        let _ = read_baseline(bytes.as_slice());
    }
    assert!(read >= 2, "the lineups written by `lineup solve` read");
}

#[test]
fn mdgp_seeds_read_or_fail_without_panic() {
    let mut checked = 0;
    for (_, bytes) in seeds("mdgp") {
        let (instance, solution) = match bytes.iter().position(|&b| b == 0) {
            Some(i) => (&bytes[..i], &bytes[i + 1..]),
            None => (bytes.as_slice(), &[][..]),
        };
        if let Ok(inst) = read_instance(instance)
            && let Ok(groups) = read_solution(solution, &inst)
        {
            checked += usize::from(check(&inst, &groups).is_ok());
        }
    }
    assert!(checked >= 1, "an instance with its solution checks");
}
