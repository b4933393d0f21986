//! The lineup reader (JSON, CSV or `.xlsx` lineups) on arbitrary bytes,
//! against the 18 municipalities of `fixtures/kfa-18.csv`.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use lineup::{Municipality, read_baseline, read_lineup, read_municipalities};

fn municipalities() -> &'static [Municipality] {
    static LIST: OnceLock<Vec<Municipality>> = OnceLock::new();
    LIST.get_or_init(|| {
        let csv = include_str!("../../fixtures/kfa-18.csv");
        read_municipalities(csv.as_bytes(), None)
            .expect("the fixture reads")
            .municipalities
    })
}

fuzz_target!(|data: &[u8]| {
    let _ = read_lineup(data, municipalities());
    let _ = read_baseline(data);
});
