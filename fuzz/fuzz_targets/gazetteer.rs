//! Gazetteer parsing on arbitrary bytes: every outcome is a gazetteer or an error that
//! names the file; nothing panics.
#![no_main]

use libfuzzer_sys::fuzz_target;
use syria_extract::gazetteer::Gazetteer;
use syria_extract::Extractor;

/// Headers the first input byte can choose, so the fuzzer reaches row parsing at once
/// instead of having to guess a header.
const HEADERS: &[&str] = &[
    "",
    "id\tkind\tname_en\tname_ar\taliases\tparent\tlat\tlon\tpcode\tgeonames\twikidata\tflags\tprovenance\n",
    "id\tkind\tname_en\tname_ar\taliases\taffiliation\tcountry\tacled_name\tflags\tprovenance\n",
    "id\tkind\tname_en\tname_ar\taliases\tcountry\tflags\tprovenance\n",
    "word\trole\tvalue\n",
];

fuzz_target!(|data: &[u8]| {
    let Some((&choice, rest)) = data.split_first() else {
        return;
    };
    let header = HEADERS[usize::from(choice) % HEADERS.len()];
    let mut bytes = header.as_bytes().to_vec();
    bytes.extend_from_slice(rest);
    match Gazetteer::builder()
        .add_reader("fuzz.tsv", &bytes[..])
        .build()
    {
        Ok(gaz) => {
            // Whatever loads must also compile and match without panicking.
            for l in gaz.locations() {
                let _ = gaz.ancestors(&l.id).count();
                let _ = gaz.admin1(&l.id);
            }
            // Loading refuses a spelling shared without the flag on both records.
            assert!(gaz.unmarked_collisions().is_empty());
            if let Ok(ex) = Extractor::new(gaz.clone()) {
                let sample = gaz
                    .locations()
                    .iter()
                    .map(|l| l.name_ar.as_str())
                    .chain(gaz.actors().iter().map(|a| a.name_ar.as_str()))
                    .collect::<Vec<_>>()
                    .join(" في ");
                for e in ex.extract(&sample).entities {
                    assert_eq!(&sample[e.start..e.end], e.text);
                }
            }
        }
        Err(e) => {
            assert_eq!(e.file(), "fuzz.tsv");
            assert!(e.to_string().starts_with("fuzz.tsv"), "{e}");
        }
    }
});
