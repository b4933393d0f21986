//! What a file name tells about its format.

use lineup::InputFormat;

/// The input format a file name's extension names (`.json`; `.csv`, `.tsv`,
/// `.txt`; `.xlsx`), else `None`: the reader then detects it from the bytes.
pub fn input_format(name: &str) -> Option<InputFormat> {
    let ext = name.rsplit_once('.')?.1.to_ascii_lowercase();
    match ext.as_str() {
        "json" => Some(InputFormat::Json),
        "csv" | "tsv" | "txt" => Some(InputFormat::Csv),
        "xlsx" => Some(InputFormat::Xlsx),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_by_extension() {
        assert_eq!(input_format("a/B.XLSX"), Some(InputFormat::Xlsx));
        assert_eq!(input_format("towns.tsv"), Some(InputFormat::Csv));
        assert_eq!(input_format("towns"), None);
        assert_eq!(input_format("towns.ods"), None);
    }
}
