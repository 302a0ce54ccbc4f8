//! The closed vocabularies shared by the data and the stages: the kinds of records,
//! the roles and kinds of events, and the calendar words of time expressions.
//!
//! Each is an enum whose values are spelled the same in gazetteer files, in JSON and
//! in `Display` (`LocationKind::OilField` is `oil_field`). They sit below every stage so
//! that the gazetteer can name an event kind and the event stage a location kind
//! without importing each other.
//!
//! ```
//! use syria_extract::kinds::{EventKind, LocationKind};
//!
//! assert_eq!(LocationKind::parse("oil_field"), Some(LocationKind::OilField));
//! assert_eq!(EventKind::AirStrike.to_string(), "air_strike");
//! ```

use crate::macros::str_enum;

str_enum! {
    /// The kind of a place.
    LocationKind {
        /// A state.
        Country => "country",
        /// First-level administrative unit (محافظة).
        Governorate => "governorate",
        /// Second-level unit (منطقة).
        District => "district",
        /// Third-level unit (ناحية).
        Subdistrict => "subdistrict",
        /// A city.
        City => "city",
        /// A town (بلدة).
        Town => "town",
        /// A village (قرية).
        Village => "village",
        /// A city quarter (حي).
        Neighbourhood => "neighbourhood",
        /// A named region (القلمون, الغوطة الشرقية).
        Region => "region",
        /// A desert area (البادية).
        Desert => "desert",
        /// A mountain or mountain range.
        Mountain => "mountain",
        /// A plain (سهل الغاب).
        Plain => "plain",
        /// A valley or basin.
        Valley => "valley",
        /// A river.
        River => "river",
        /// A lake.
        Lake => "lake",
        /// A dam.
        Dam => "dam",
        /// An oil field.
        OilField => "oil_field",
        /// A gas field.
        GasField => "gas_field",
        /// An airport or air base.
        Airport => "airport",
        /// A military base.
        MilitaryBase => "military_base",
        /// A border crossing.
        BorderCrossing => "border_crossing",
        /// A camp for displaced people or refugees.
        Camp => "camp",
        /// A prison.
        Prison => "prison",
        /// A checkpoint.
        Checkpoint => "checkpoint",
        /// A road or highway.
        Road => "road",
        /// Any other named landmark.
        Landmark => "landmark",
    }
}

str_enum! {
    /// The kind of an actor.
    ActorKind {
        /// Regular armed forces of a state (قوات النظام).
        StateForces => "state_forces",
        /// Security or intelligence agency (المخابرات الجوية).
        StateAgency => "state_agency",
        /// Government or ministry.
        Government => "government",
        /// Militia, including state-backed ones.
        Militia => "militia",
        /// Jihadist organisation (داعش, هيئة تحرير الشام).
        JihadistGroup => "jihadist_group",
        /// Opposition armed faction.
        OppositionFaction => "opposition_faction",
        /// Kurdish-led force (قسد, YPG).
        KurdishForce => "kurdish_force",
        /// A foreign state as an actor (إيران, روسيا).
        ForeignState => "foreign_state",
        /// Armed forces of a foreign state in Syria.
        ForeignForces => "foreign_forces",
        /// A coalition (التحالف الدولي).
        Coalition => "coalition",
        /// Tribe or tribal force.
        TribalForce => "tribal_force",
        /// Unidentified armed group (مسلحون مجهولون).
        UnidentifiedArmedGroup => "unidentified_armed_group",
        /// Political party or body.
        PoliticalParty => "political_party",
        /// Civilians.
        Civilians => "civilians",
    }
}

str_enum! {
    /// The kind of a news source.
    SourceKind {
        /// News site or newspaper.
        Outlet => "outlet",
        /// News agency.
        Agency => "agency",
        /// TV or radio channel.
        Broadcaster => "broadcaster",
        /// Monitoring or documentation group.
        Monitor => "monitor",
        /// Local news network or social-media page.
        Network => "network",
        /// Official body speaking for itself.
        Official => "official",
    }
}

str_enum! {
    /// What a cue word does to a neighbouring mention.
    CueRole {
        /// Before a place name: مدينة, ريف, بادية.
        Location => "location",
        /// Before an actor name: ميليشيا, فصيل.
        Actor => "actor",
        /// Before a source name: وكالة, قناة.
        Source => "source",
        /// Direction after the name: الشرقي.
        DirectionAfter => "direction_after",
        /// Direction before the name: شرقي.
        DirectionBefore => "direction_before",
        /// Makes a following country a place: في, داخل.
        Preposition => "preposition",
        /// A first word that text also glues to the next: دير, أبو.
        Join => "join",
        /// A bare short name that stands for an actor named before it: التنظيم, الهيئة.
        Reference => "reference",
    }
}

str_enum! {
    /// A compass direction.
    Direction {
        /// North.
        North => "north",
        /// South.
        South => "south",
        /// East.
        East => "east",
        /// West.
        West => "west",
        /// North-east.
        Northeast => "northeast",
        /// North-west.
        Northwest => "northwest",
        /// South-east.
        Southeast => "southeast",
        /// South-west.
        Southwest => "southwest",
    }
}

impl Direction {
    /// Combines two directions written together (الشمالي الشرقي).
    pub fn combine(self, other: Direction) -> Option<Direction> {
        use Direction::*;
        match (self, other) {
            (North, East) | (East, North) => Some(Northeast),
            (North, West) | (West, North) => Some(Northwest),
            (South, East) | (East, South) => Some(Southeast),
            (South, West) | (West, South) => Some(Southwest),
            _ => None,
        }
    }
}

str_enum! {
    /// The kind of an event (design: one kind per ACLED sub-event family).
    EventKind {
        /// Armed clash between two organised groups.
        ArmedClash => "armed_clash",
        /// Attack on a group or on civilians.
        Attack => "attack",
        /// Air or drone strike.
        AirStrike => "air_strike",
        /// Shelling, artillery or missile attack.
        Shelling => "shelling",
        /// Explosion: IED, landmine, car bomb, suicide bomb.
        Explosion => "explosion",
        /// Killing, assassination, a death reported.
        Killing => "killing",
        /// Arrest, detention, arrest campaign, raid.
        Arrest => "arrest",
        /// Abduction, kidnapping, forced disappearance.
        Abduction => "abduction",
        /// Sweep or combing operation.
        SweepOperation => "sweep_operation",
        /// Reinforcements, convoys, troop build-up.
        Reinforcement => "reinforcement",
        /// Withdrawal, evacuation of positions.
        Withdrawal => "withdrawal",
        /// Taking or regaining control of territory.
        TerritorialChange => "territorial_change",
        /// Recruitment.
        Recruitment => "recruitment",
        /// Protest, demonstration, sit-in.
        Protest => "protest",
        /// Looting, property destruction.
        Looting => "looting",
        /// Smuggling.
        Smuggling => "smuggling",
    }
}

str_enum! {
    /// The part an actor plays in an event.
    Role {
        /// Did it: subject of the trigger verb, "من قبل X".
        Initiator => "initiator",
        /// Had it done to them: "ضد X", "على مواقع X", "عناصر من X" as victims.
        Target => "target",
    }
}

str_enum! {
    /// A day of the week.
    Weekday {
        /// الأحد.
        Sunday => "sunday",
        /// الاثنين.
        Monday => "monday",
        /// الثلاثاء.
        Tuesday => "tuesday",
        /// الأربعاء.
        Wednesday => "wednesday",
        /// الخميس.
        Thursday => "thursday",
        /// الجمعة.
        Friday => "friday",
        /// السبت.
        Saturday => "saturday",
    }
}

str_enum! {
    /// A unit of time.
    TimeUnit {
        /// Hour.
        Hour => "hour",
        /// Day.
        Day => "day",
        /// Week.
        Week => "week",
        /// Month.
        Month => "month",
        /// Year.
        Year => "year",
    }
}

str_enum! {
    /// Which way a relative expression points.
    TimeDirection {
        /// Before the document date ("قبل", "الماضي").
        Past => "past",
        /// The current period ("الجاري", "اليوم").
        Current => "current",
        /// After the document date ("المقبل", "غدا").
        Future => "future",
    }
}

str_enum! {
    /// Part of a month ("منتصف أيار").
    MonthPart {
        /// مطلع, أوائل, بداية.
        Early => "early",
        /// منتصف, أواسط.
        Middle => "middle",
        /// أواخر, نهاية.
        Late => "late",
    }
}

str_enum! {
    /// How a time anchor word relates an amount of time to the document date.
    TimeRelation {
        /// قبل, منذ: that long before.
        Ago => "ago",
        /// خلال: within that span (with a direction word after it).
        Within => "within",
        /// مدة: for that long (a duration, not a point in time).
        For => "for",
    }
}
