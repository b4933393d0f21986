//! The MDGPLIB reader on arbitrary bytes: the part before the first NUL
//! byte is an instance, the rest a solution for it, checked independently.
#![no_main]

use libfuzzer_sys::fuzz_target;
use lineup::mdgp::{check, read_instance, read_solution};

fuzz_target!(|data: &[u8]| {
    let (instance, solution) = match data.iter().position(|&b| b == 0) {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (data, &[][..]),
    };
    if let Ok(inst) = read_instance(instance)
        && let Ok(groups) = read_solution(solution, &inst)
    {
        let _ = check(&inst, &groups);
    }
});
