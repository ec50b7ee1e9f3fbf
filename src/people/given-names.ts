/**
 * Given names (Russian, Georgian and Western, in common transliterations). Language data, not
 * corpus data: it lets "Yuri Zhukov" be read as given name + surname without a name-tagger.
 */
export const GIVEN_NAMES = new Set(
  `Abel Aleksandr Aleksander Alexander Alexandr Aleksei Alexei Alexey Aleksey Anastas Anatoly Anatolii Andrei Andrey Anna Anton
  Arkady Arkadii Artyom Artem Avel Boris Dmitri Dmitry Dmitrii Efim Yefim Emelian Feliks Felix Fyodor Fedor Genrikh Genrih Genrich
  Georgi Georgii Georgy Georgiy Grigori Grigorii Grigory Grigoriy Igor Ilya Ivan Iosif Josef Joseph Karl Kliment Klim Konstantin
  Lavrenti Lavrentii Lavrenty Lavrentiy Lazar Lev Leon Leonid Maksim Maxim Matvei Mikhail Mikhael Mykola Nadezhda Nikita Nikolai
  Nikolay Nikolaj Oleg Osip Pavel Pyotr Petr Peter Roman Semyon Semen Semion Sergei Sergey Sergo Stanislav Stepan Timofei Valentin
  Valerian Valery Vasily Vasilii Vasili Vladimir Vsevolod Vyacheslav Viacheslav Yakov Yan Jan Yuri Yury Yurii Iurii Yuriy Zhores
  Zinovy Roy Andrew Anne Arch Arthur Charles David Edward Frederick George Harold Henry Isaac James John Joseph Leonard Louis
  Ludo Martin Mauritz Michael Michal Milan Moshe Paul Richard Robert Roger Ronald Sidney Simon Stephen Steven Theodore Thomas
  Upton Walter William Winston Adolf Franklin Harry Kurt Ante Anna Grover Hugo Jiri Jiří Miroslav Dieter Vadim Oleg Aleksandra
  Avraam Kirill Mikoian Nestor Ordzhonikidze Stanislaw Grigol Sergo Budu Polikarp Filipp Ian Ion Iona Vitaly Viktor Victor
  Avgust Ieronim Lavr Martemyan Martemjan Martemian Vissarion Vlas Yevgeni Yevgeny Yevgenii Evgeni Evgeny Evgenii Christian
  Klementy Kliment Jānis Jänis Janis Edvard Eduard Yemelyan Emelyan Moisey Moisei Bernard Sergey Semyon Yelena Elena`
    .split(/\s+/)
    .filter(Boolean),
);

/** Titles that precede a surname and say something about the person's role. */
export const TITLES = new Set(
  'Marshal General Comrade Professor Prof Dr Mr Mrs Commissar Colonel Col Commander Academician Tsar King President Premier Ambassador Bishop Father'.split(
    ' ',
  ),
);
