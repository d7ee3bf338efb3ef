//! The unit table, as data: one line per unit, read by the parser, the
//! conversions, the help and the suggestions alike.
//!
//! A line is `symbols|long names|factor|dimension|prefixes`:
//! - symbols take short prefixes (`km`), long names take long ones
//!   (`kilometre`) and an `s` for the plural;
//! - the factor is the size in SI base units (kg for mass): a decimal,
//!   optionally `/decimal`, optionally `p` and a power of π (angles),
//!   optionally `@` and the offset of a temperature scale from zero kelvin
//!   in the scale's own degrees;
//! - the dimension is powers of `m kg s A K mol cd bit rad`, empty for a
//!   number;
//! - prefixes: `p` every SI prefix, `l` those of a thousand and up, `d`
//!   those and the binary ones (data), empty for none; `c` marks a
//!   physical constant (no prefixes).
//!
//! Every factor here is exact by definition (SI, the international yard
//! and pound of 1959, the US customary volumes), except `G`, which is the
//! CODATA 2018 value as written, and the tropical year, a mean value.
//! Where references differ the plain name is the common US or SI reading
//! and the other has a name of its own: `ton` is the short ton (`tonne`,
//! `long_ton`), `cal` the thermochemical calorie (`cal_IT`), `yr` the
//! Julian year (`tropical_year`), `mmHg` the conventional one (`Torr`).
//! A long name of two words is written with `_` (`light_year`); the parser
//! reads it from the two words too.

pub const UNITS: &str = "\
m|metre meter|1|m|p
g|gram gramme|1e-3|kg|p
s sec|second|1|s|p
A|ampere amp|1|A|p
K °K|kelvin|1@0|K|p
mol|mole|1|mol|p
cd|candela|1|cd|p
|molal|1|kg-1 mol|
bit b|bit|1|bit|d
B|byte octet|8|bit|d
bps||1|s-1 bit|l
N|newton|1|m kg s-2|p
Pa|pascal|1|m-1 kg s-2|p
J|joule|1|m2 kg s-2|p
W|watt|1|m2 kg s-3|p
C|coulomb|1|s A|p
V|volt|1|m2 kg s-3 A-1|p
F|farad|1|m-2 kg-1 s4 A2|p
Ω Ω ohm|ohm|1|m2 kg s-3 A-2|p
S|siemens|1|m-2 kg-1 s3 A2|p
Wb|weber|1|m2 kg s-2 A-1|p
T|tesla|1|kg s-2 A-1|p
Mx|maxwell|1e-8|m2 kg s-2 A-1|
H|henry|1|m2 kg s-2 A-2|p
Hz|hertz|1|s-1|p
lm|lumen|1|cd|p
lx|lux|1|m-2 cd|p
Bq|becquerel|1|s-1|p
Gy|gray|1|m2 s-2|p
Sv|sievert|1|m2 s-2|p
kat|katal|1|s-1 mol|p
rad|radian|1|rad|p
ppm||1e-6||
ppb||1e-9||
ppt||1e-12||
|percent|1/100||
deg|degree|1/180p1|rad|
grad gon|gradian|1/200p1|rad|
turn rev|revolution|2p1|rad|
arcmin|arcminute|1/10800p1|rad|
arcsec|arcsecond|1/648000p1|rad|
min|minute|60|s|
h hr|hour|3600|s|
day|day|86400|s|
week wk|week|604800|s|
|fortnight|1209600|s|
month|month|2629800|s|
yr|year|31557600|s|
|tropical_year|31556925.216|s|
|decade|315576000|s|
|century|3155760000|s|
L l|litre liter|1e-3|m3|p
t|tonne metric_ton|1e3|kg|l
ha|hectare|1e4|m2|
|barn|1e-28|m2|p
bar|bar|1e5|m-1 kg s-2|p
mb||100|m-1 kg s-2|
atm|atmosphere|101325|m-1 kg s-2|
mmHg||133.322387415|m-1 kg s-2|
inHg||3386.388640341|m-1 kg s-2|
Torr torr||101325/760|m-1 kg s-2|
psi||8896443230521/1290320000|m-1 kg s-2|
eV|electronvolt|1.602176634e-19|m2 kg s-2|p
Wh||3600|m2 kg s-2|p
Ah||3600|s A|p
cal|calorie|4.184|m2 kg s-2|p
cal_IT|calorie_IT|4.1868|m2 kg s-2|p
Cal||4184|m2 kg s-2|
BTU Btu||1055.05585262|m2 kg s-2|
|therm|105505585.262|m2 kg s-2|
erg||1e-7|m2 kg s-2|
dyn|dyne|1e-5|m kg s-2|
lbf||4.4482216152605|m kg s-2|
kgf|kilogram_force|9.80665|m kg s-2|
hp|horsepower|745.69987158227022|m2 kg s-3|
PS|metric_horsepower|735.49875|m2 kg s-3|
au|astronomicalunit|149597870700|m|
ly|lightyear light_year|9460730472580800|m|
pc|parsec|96939420213600000p-1|m|p
Å Å|angstrom ångström|1e-10|m|
mph||0.44704|m s-1|
mpg||1609.344/3.785411784e-3|m-2|
kph kmh||5/18|m s-1|
kn kt|knot|1852/3600|m s-1|
rpm||1/30p1|s-1 rad|
in ″ \"|inch inches|0.0254|m|
ft ′ '|foot feet|0.3048|m|
yd|yard|0.9144|m|
mi|mile|1609.344|m|
nmi NM|nautical_mile|1852|m|
|furlong|201.168|m|
|fathom|1.8288|m|
|rod|5.0292|m|
mil thou||25.4e-6|m|
acre|acre|4046.8564224|m2|
floz fl_oz|fluidounce fluid_ounce|29.5735295625e-6|m3|
tsp|teaspoon|4.92892159375e-6|m3|
tbsp|tablespoon|14.78676478125e-6|m3|
cup|cup|236.5882365e-6|m3|
pt|pint|473.176473e-6|m3|
qt|quart|946.352946e-6|m3|
gal|gallon|3.785411784e-3|m3|
bbl|barrel|158.987294928e-3|m3|
|hogshead|238.480942392e-3|m3|
gal_imp|imperial_gallon|4.54609e-3|m3|
qt_imp|imperial_quart|1.1365225e-3|m3|
pt_imp|imperial_pint|568.26125e-6|m3|
floz_imp|imperial_fluid_ounce|28.4130625e-6|m3|
oz|ounce|28.349523125e-3|kg|
ozt|troy_ounce|31.1034768e-3|kg|
gr|grain|64.79891e-6|kg|
ct|carat|200e-6|kg|
lb lbs|pound|0.45359237|kg|
st|stone|6.35029318|kg|
ton|ton short_ton|907.18474|kg|
|long_ton|1016.0469088|kg|
°C degC ℃|celsius degree_celsius degrees_celsius|1@273.15|K|
°F degF ℉|fahrenheit degree_fahrenheit degrees_fahrenheit|5/9@459.67|K|
c||299792458|m s-1|c
g0||9.80665|m s-2|c
G||6.67430e-11|m3 kg-1 s-2|c
N_A||6.02214076e23|mol-1|c
k_B||1.380649e-23|m2 kg s-2 K-1|c
ℏ hbar|reduced_planck_constant|6.62607015e-34/2p-1|m2 kg s-1|c
ℎ h_planck|planck_constant|6.62607015e-34|m2 kg s-1|c
m_e|electron_mass|9.1093837015e-31|kg|c
q_e|elementary_charge|1.602176634e-19|s A|c
R|gas_constant|8.31446261815324|m2 kg s-2 K-1 mol-1|c
ε0 eps0|vacuum_permittivity|8.8541878128e-12|m-3 kg-1 s4 A2|c
μ0 µ0 mu0|vacuum_permeability|1.25663706212e-6|m kg s-2 A-2|c
|faraday_constant|96485.3321233100184|s A mol-1|c
σ_SB|stefan_boltzmann_constant|7.267133298464455937524802e-92/3.921938265248765040375566798035035217628025e-82p5|kg s-3 K-4|c";

/// Prefixes as `symbols:long name:power`, powers of ten, or of two after `b`.
pub const PREFIXES: &str = "\
Q:quetta:30 R:ronna:27 Y:yotta:24 Z:zetta:21 E:exa:18 P:peta:15 T:tera:12 G:giga:9 \
M:mega:6 k:kilo:3 h:hecto:2 da:deca:1 d:deci:-1 c:centi:-2 m:milli:-3 µ,μ,u:micro:-6 \
n:nano:-9 p:pico:-12 f:femto:-15 a:atto:-18 z:zepto:-21 y:yocto:-24 r:ronto:-27 \
q:quecto:-30 Ki:kibi:b10 Mi:mebi:b20 Gi:gibi:b30 Ti:tebi:b40 Pi:pebi:b50 Ei:exbi:b60 \
Zi:zebi:b70 Yi:yobi:b80";

/// Names of dimensions, for messages and the help: `name|dimension`.
pub const DIMENSIONS: &str = "\
length|m
mass|kg
time|s
electric current|A
temperature|K
amount of substance|mol
luminous intensity|cd
data size|bit
area|m2
volume|m3
speed|m s-1
acceleration|m s-2
force|m kg s-2
pressure|m-1 kg s-2
energy|m2 kg s-2
power|m2 kg s-3
electric charge|s A
voltage|m2 kg s-3 A-1
capacitance|m-2 kg-1 s4 A2
resistance|m2 kg s-3 A-2
conductance|m-2 kg-1 s3 A2
magnetic flux|m2 kg s-2 A-1
magnetic flux density|kg s-2 A-1
inductance|m2 kg s-2 A-2
frequency|s-1
angle|rad
angular velocity|s-1 rad
illuminance|m-2 cd
radiation dose|m2 s-2
catalytic activity|s-1 mol
data rate|s-1 bit";
